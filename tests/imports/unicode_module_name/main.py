import modé
print(modé.X, modé.__name__)
