import pkg.sub.mod
print(pkg.sub.mod.VALUE)
print(pkg.__package__, pkg.sub.__package__, pkg.sub.mod.__package__)
print(pkg.__path__ == [pkg.__path__[0]], pkg.__file__.endswith('pkg/__init__.py'))
print('sub' in dir(pkg), 'mod' in dir(pkg.sub))
