# Special methods of builtin types as attributes: slot wrappers, method-wrappers,
# method descriptors (CPython's slotdefs / wrapperdescr / method-wrapper).
print(str.__add__, int.__index__, object.__lt__, float.__neg__)
print(frozenset.__contains__, list.__getitem__, dict.__contains__, set.__contains__)
print(type(object.__init__).__name__, type(object().__str__).__name__)
print(type(str.join).__name__, type([].append).__name__, type(len).__name__)
print(type(dict.__dict__['fromkeys']).__name__)
print(str.__add__('a', 'b'), int.__index__(5), int.__index__(True), (7).__neg__())
print(int.__add__(3, 4), int.__radd__(3, 4), int.__sub__(3, 'x'), float.__mul__(2.0, 3))
print(object.__lt__(1, 2), object.__eq__(1, 1), int.__lt__(1, 2), str.__ge__('b', 'a'))
print(frozenset([1, 2]).__contains__(2), 'abc'.__contains__('b'), [1, 2].__len__())
iskw = frozenset(['if', 'else']).__contains__
print(iskw('if'), iskw('x'), repr(iskw).startswith('<built-in method __contains__'))
print(repr((1).__add__).startswith("<method-wrapper '__add__' of int object at"))
print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, tuple.__hash__ is None)
print(int.__float__(3), float.__int__(-2.7), int.__int__(True), float.__float__(1.5))
print(int.__abs__(-4), int.__invert__(5), complex.__abs__(3+4j), complex.__neg__(1j))
print(int.__bool__(0), float.__bool__(0.5), range.__bool__(range(0)), complex.__bool__(0j))
print((1, 2).__hash__() == hash((1, 2)), 'x'.__hash__() == hash('x'))
print(tuple.__getitem__((1, 2, 3), 1), str.__getitem__('abc', slice(1, None)))
print(list(range(3).__iter__()), [1, 2].__iter__().__next__(), dict.__len__({1: 2}))
print(bytes.__mod__(b'%d', 5), str.__mod__('%s!', 'x'), str.__rmul__('ab', 2))
print(set.__or__({1}, {2}), frozenset.__and__(frozenset({1, 2}), {2}), dict.__or__({1: 2}, {3: 4}))
print(int.__repr__(5), str.__repr__('a'), list.__repr__([1]), object.__subclasshook__(int))
print(str.__str__('q'), bytes.__str__(b'q'), int.__pow__(2, 10), int.__rpow__(2, 10))
it = iter([1])
print(it.__next__())
try:
    it.__next__()
except StopIteration:
    print('StopIteration')
try:
    int.__add__(1)
except TypeError as e:
    print(e)
try:
    int.__add__(1, 2, 3)
except TypeError as e:
    print(e)

# Subclasses calling the builtin behaviour through super(): no recursion into the override.
class L(list):
    def __init__(self, it):
        super().__init__(it)
    def __getitem__(self, i):
        return super().__getitem__(i) * 10
    def __len__(self):
        return super().__len__() + 100
    def __contains__(self, x):
        return list.__contains__(self, x // 2)
    def __iter__(self):
        return list.__iter__(self)

l = L([1, 2, 3])
print(l, l[1], len(l), 4 in l, 5 in l, list(l))

class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
    def __getitem__(self, k):
        return dict.__getitem__(self, k) * 2
    def __delitem__(self, k):
        dict.__delitem__(self, k)
        print('deleted', k)

d = D()
d['a'] = 1
print(d, d['a'])
del d['a']
print(d)

class S(set):
    def __init__(self, items):
        set.__init__(self, items)
        self.n = len(items)

s = S([3, 4])
print(sorted(s), s.n, set.__contains__(s, 3))

class I(int):
    def __add__(self, o):
        return I(super().__add__(o) * 2)
    def __repr__(self):
        return 'I(' + int.__repr__(self) + ')'

print(I(3) + 4, int.__add__(I(3), 4), I(5).__index__(), I(2).__neg__())

class F(float):
    def __neg__(self):
        return float.__neg__(self) * 10

print(-F(1.5), float.__int__(F(2.5)))
print([].append.__qualname__, dict.fromkeys.__qualname__, int.__new__.__qualname__)
print(len.__qualname__, object.__init__.__qualname__, int.__add__.__qualname__, (1).__add__.__self__)
import collections.abc as cabc
print(isinstance([], cabc.Hashable), isinstance((), cabc.Hashable), isinstance({}, cabc.Mapping))
print(isinstance(iter([]), cabc.Iterator), issubclass(list, cabc.Sequence), callable(int.__add__))
