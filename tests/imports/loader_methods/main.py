import mod, pkg
L = mod.__loader__
print(L.name, L.path, L.get_filename(), L.get_filename('mod'), L.is_package('mod'))
print(pkg.__loader__.is_package('pkg'))
print(repr(L.get_source('mod')))
c = L.get_code('mod')
print(type(c).__name__, c.co_filename, c.co_name)
print(L.get_data(L.path)[:10])
print(L == type(L)('mod', L.path), L != type(L)('mod', 'x'), hash(L) == hash(type(L)('mod', L.path)))
import sys
print(mod.__spec__ == mod.__spec__, sys.__spec__ == mod.__spec__)
