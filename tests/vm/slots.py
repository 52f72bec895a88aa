class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
p.y = 2
print(p.y)
del p.y
print(hasattr(p, "y"), P.x)
print(P.__slots__, type(P.x).__name__)
try:
    vars(p)
except TypeError as e:
    print(e)
class Q(P):
    pass
q = Q(5)
q.extra = 1
print(q.x, q.__dict__)
class R(P):
    __slots__ = ("z",)
r = R(2)
r.z = 9
print(r.x, r.z, hasattr(r, "__dict__"))
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(e)
class One:
    __slots__ = "only"
o = One()
o.only = "y"
print(o.only)
try:
    del o.only
    del o.only
except AttributeError as e:
    print(e)
