# A class's __dict__ is a read-only mappingproxy (types.MappingProxyType).
import types


class C:
    x = 1

    def m(self):
        return 2


d = C.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType, d['x'], 'm' in d, 'zz' in d)
print(sorted(k for k in d if not k.startswith('__')), d.get('x'), d.get('nope', 5))
print(len(d) == len(dict(d)), sorted(d.keys())[-2:], type(d.copy()).__name__)
print([k for k, v in d.items() if k == 'x'], C.__dict__ == dict(C.__dict__), C.__dict__ != {})
try:
    d['y'] = 2
except TypeError as e:
    print(e)
p = types.MappingProxyType({'a': 1, 'b': 2})
print(p, repr(p), str(p), p['a'], list(p), list(reversed(p)), p | {'c': 3}, {'z': 0} | p)
try:
    types.MappingProxyType([1, 2])
except TypeError as e:
    print(e)
try:
    hash(p)
except TypeError as e:
    print(e)
try:
    p.x = 1
except AttributeError as e:
    print(e)
print(type(type.__dict__), type.__dict__['__dict__'], vars(C)['x'])
print(int.__dict__['__add__'], 'fromkeys' in dict.__dict__)
C.y = 3
print(C.__dict__['y'], types.MappingProxyType(C.__dict__)['y'])
