# LOAD_FAST + LOAD_ATTR and LOAD_FAST + STORE_ATTR run as one step on a cache hit (the
# attribute of a local read or written where it lies): every way the hit must miss or
# stay exact. Each function is called in a loop so its caches are warm when the edge
# case comes.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def read_x(p):
    return p.x


def write_x(p, v):
    p.x = v


def run(f, objs, *args):
    out = []
    for o in objs:
        try:
            out.append(f(o, *args))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


ps = [P(i, -i) for i in range(5)]
print(run(read_x, ps))
run(write_x, ps, 7)
print([p.x for p in ps])

# Attributes set in another order: the hint (entry index) differs.
q = P.__new__(P)
q.y = 1
q.x = 2
print(run(read_x, ps[:2] + [q] + ps[2:]))
run(write_x, [q, ps[0], q], 9)
print(q.x, q.y, ps[0].x, vars(q), list(vars(q)))

# A deleted attribute, then set again (goes to the end of the instance dict).
r = P(1, 2)
del r.x
print(run(read_x, ps[:1] + [r]))
run(write_x, [ps[0], r, ps[1]], 11)
print(vars(r), list(vars(r)))

# A class attribute shadowed by the instance, then not.
class C:
    x = "class"
    def __init__(self):
        self.x = "inst"
c = C()
print(run(read_x, [c, c]))
del c.x
print(run(read_x, [c]))
C.x = "changed"
print(run(read_x, [c]))

# The class changes between hits: a property (data descriptor) now wins.
class D:
    def __init__(self):
        self.x = 1
d = D()
print(run(read_x, [d, d]))
D.x = property(lambda self: "prop", lambda self, v: print("setter", v))
print(run(read_x, [d]))
run(write_x, [d], 5)
print(d.__dict__)

# __class__ assignment between hits.
class E:
    def __init__(self):
        self.x = "e"
class F:
    @property
    def x(self):
        return "F.x"
e = E()
print(run(read_x, [e, e]))
e.__class__ = F
print(run(read_x, [e]), e.__dict__)
e.__class__ = E
print(run(read_x, [e]))

# __dict__ replaced, then deleted.
g = P(1, 2)
print(run(read_x, [g, g]))
g.__dict__ = {"x": "new dict"}
print(run(read_x, [g]))
run(write_x, [g], "stored")
print(g.__dict__)
h = P(3, 4)
d_before = h.__dict__
run(write_x, [h, h], "again")
print(d_before is h.__dict__, d_before)

# __getattr__, __getattribute__, __setattr__ classes.
class G:
    def __init__(self):
        self.y = 0
    def __getattr__(self, name):
        return "getattr " + name
class H:
    def __init__(self):
        object.__setattr__(self, "x", 0)
    def __setattr__(self, name, v):
        print("setattr", name, v)
        object.__setattr__(self, name, v * 2)
class I:
    x = 5
    def __getattribute__(self, name):
        return "getattribute " + name
print(run(read_x, [G(), G(), P(0, 0), H(), I(), I()]))
hh = H()
run(write_x, [hh, hh], 4)
print(hh.x)

# __slots__ instances, builtin objects, modules, classes.
class S:
    __slots__ = ("x",)
    def __init__(self):
        self.x = "slot"
import sys
class K:
    x = "on the class"
print(run(read_x, [S(), S(), 1j, sys, K, K]))
s = S()
run(write_x, [s, s, K, K], "w")
print(s.x, K.x)
print(run(read_x, [object()]))
print(run(write_x, [object(), 3], 1))

# Values of every kind, and the object being the last reference.
vals = [None, True, 3, 2.5, "s", (1,), [2], P(0, 0)]
p = P(0, 0)
for v in vals:
    write_x(p, v)
    print(type(read_x(p)).__name__, end=" ")
print()


def last_ref():
    out = []
    for i in range(3):
        out.append(P(i, 0).x)
    return out


print(last_ref())

# __del__ of a replaced value runs before the next statement.
class Loud:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)


def replace_loud(p, n):
    p.x = Loud(n)
    print("after store", n)


lp = P(Loud(0), 0)
for n in range(1, 4):
    replace_loud(lp, n)
lp.x = None

# A subclass instance in a warm slot; a subclass with __slots__ plus __dict__.
class Q(P):
    pass
class R(P):
    __slots__ = ("z",)
print(run(read_x, [P(1, 1), Q(2, 2), R(3, 3), P(4, 4)]))
run(write_x, [Q(0, 0), R(0, 0)], 1)

# Many attributes, added in different orders.
class M:
    pass
ms = []
for k in range(4):
    m = M()
    names = [f"a{i}" for i in range(12)]
    if k % 2:
        names.reverse()
    for j, nm in enumerate(names):
        setattr(m, nm, j)
    m.x = k
    ms.append(m)
print(run(read_x, ms), [list(vars(m))[:3] for m in ms])
run(write_x, ms, "m")
print([m.x for m in ms])

# An unbound local followed by an attribute read still raises UnboundLocalError.
def unbound():
    if False:
        p = None
    return p.x
print(run(lambda o: unbound(), [0]))

# copy of instances written through the fused path (object.__reduce_ex__).
import copy
pc = P(1, 2)
write_x(pc, [1, 2])
print(vars(copy.copy(pc)), vars(copy.deepcopy(pc)), pc.__reduce_ex__(2)[2])

# LOAD_FAST + LOAD_METHOD: shadowed by the instance, the class's method replaced,
# builtin methods, a non-function class attribute.
class T:
    def m(self):
        return "T.m"


def call_m(o):
    return o.m()


ts = [T(), T()]
print(run(call_m, ts))
ts[1].m = lambda: "instance m"
print(run(call_m, ts))
T.m = lambda self: "new T.m"
print(run(call_m, ts))
T.m = staticmethod(lambda: "static")
print(run(call_m, ts))
del T.m
print(run(call_m, ts))


def append_to(xs):
    xs.append(len(xs))
    return xs


print(run(append_to, [[], [1], (2,)]))
