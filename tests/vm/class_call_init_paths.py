# Calling a class: object.__new__ then a Python __init__ (positional, keywords, defaults,
# *args), __init__ returning non-None, __new__ overrides, metaclass __call__, subclasses
# of list/dict, and a class called with more than three arguments.
class P:
    def __init__(self, x, y=10, *rest, **kw):
        self.x, self.y, self.rest, self.kw = x, y, rest, kw


for p in [P(1), P(1, 2), P(1, 2, 3, 4, 5), P(1, y=3), P(x=4, z=9)]:
    print(p.x, p.y, p.rest, p.kw)


class Q:
    def __init__(self, a, b, c, d):
        self.s = a + b + c + d


print(Q(1, 2, 3, 4).s, Q("a", "b", "c", "d").s)


class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)

for bad in [lambda: P(), lambda: P(1, x=2), lambda: Q(1, 2, 3), lambda: object.__new__(P, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class N:
    def __new__(cls, v):
        print("N.__new__", v)
        return super().__new__(cls)

    def __init__(self, v):
        print("N.__init__", v)


N(3)


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(Other())


class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a, k)
        return super().__call__(*a, **k)


class M(metaclass=Meta):
    def __init__(self, q=0):
        self.q = q


print(M(q=5).q, M(6).q)


class L(list):
    def __init__(self, *a):
        super().__init__(a)
        self.n = len(a)


lst = L(1, 2, 3)
print(lst, lst.n, type(lst).__name__)


class D(dict):
    pass


d = D(a=1)
print(d, D([("b", 2)]), type(d).__name__)


class NoInit:
    pass


print(type(NoInit()).__name__)
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


print(Slotted(9).a)
objs = [P(i) for i in range(1000)]
print(sum(o.x for o in objs))
