import pkg.mod as m
print(m.name)
print('pkg' in dir())
