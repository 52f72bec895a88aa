X = 42
print('mod body', __name__, __file__)
