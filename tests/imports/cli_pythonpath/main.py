import extmod
print(extmod.X, extmod.__file__)
