import mod
print(mod.__doc__, mod.f.__doc__, mod.__cached__)
