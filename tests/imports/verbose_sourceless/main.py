import mod
print(mod.X, mod.__file__, mod.__cached__)
