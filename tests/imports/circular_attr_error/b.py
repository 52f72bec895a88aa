import a
print(a.__name__)
try:
    print(a.X)
except AttributeError as e:
    print("AttributeError:", e)
print(a.Y)
