# `x.a += v` compiles to COPY 1 + LOAD_ATTR ... SWAP 2 + STORE_ATTR; on cache hits each
# pair runs as one step (the read pushes the attribute above the object, the write stores
# without swapping). Every way a hit must miss, or a miss half-way must stay exact. Each
# function runs in a loop first so its caches are warm when the edge case comes.


class P:
    def __init__(self, n):
        self.n = n
        self.s = "a"


def bump(p, v):
    p.n += v
    return p.n


def bump_item(ps, i):
    ps[i].n += 1  # BINARY_SUBSCR, then the same COPY/SWAP shape


def run(f, objs, *args):
    out = []
    for o in objs:
        try:
            out.append(f(o, *args))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


ps = [P(i) for i in range(5)]
print(run(bump, ps, 10))
print(run(bump, ps, 0.5))
big = [P(2**63 - 2) for _ in range(3)]
print(run(bump, big, 1), run(bump, big, 1), run(bump, big, -2**64))  # past i64 and back
for i, p in enumerate(ps):
    p.n = i
for i in range(8):
    bump_item(ps, i % 5)
print([p.n for p in ps])

# A miss half-way: the attribute is missing on one instance (AttributeError from the
# read; nothing stored), then present in another order (the hinted entry differs).
q = P.__new__(P)
print(run(bump, ps[:2] + [q] + ps[2:3], 1))
q.s = "b"
q.n = 100
print(run(bump, [ps[0], q, ps[1], q], 1), vars(q), list(vars(q)))

# The += raises (str + int): the read hit, the store never happens.
def bump_s(p, v):
    p.s += v
    return p.s
print(run(bump_s, ps[:2], "x"))
print(run(bump_s, ps[:2], 1), [p.s for p in ps[:2]])

# A class attribute shadowed by the instance attribute the first += creates.
class C:
    n = 1000
cs = [C() for _ in range(4)]
print(run(bump, cs, 1), [vars(c) for c in cs], C.n)
print(run(bump, cs, 1), [vars(c) for c in cs])
del cs[0].n
print(run(bump, cs, 1), [vars(c) for c in cs])

# The type changes between the read and the write: `__radd__` of the operand adds a
# property to the class (the write must go through its setter), then a `__setattr__`.
class Sneaky:
    def __init__(self, what):
        self.what = what
    def __radd__(self, other):
        if self.what == "property":
            P.n = property(lambda s: s.__dict__["n"], lambda s, v: print("setter", v) or s.__dict__.__setitem__("n", v))
        elif self.what == "setattr":
            P.__setattr__ = lambda s, k, v: print("__setattr__", k, v) or object.__setattr__(s, k, v)
        elif self.what == "dict":
            # Replaces the instance dict between the pair.
            self.target.__dict__ = {"n": -1, "s": "z"}
        elif self.what == "delete":
            del self.target.n
        return other + 1
for p in ps:
    bump(p, 1)
print(run(bump, ps[:1], Sneaky("property")), vars(ps[0]))
print(run(bump, ps[1:2], 1), vars(ps[1]))
del P.n
print(run(bump, ps[:2], 1))
print(run(bump, ps[:1], Sneaky("setattr")))
print(run(bump, ps[1:2], 1))
del P.__setattr__
for p in ps:
    bump(p, 1)
s = Sneaky("dict")
s.target = ps[2]
print(run(bump, ps[2:3], s), vars(ps[2]))
s = Sneaky("delete")
s.target = ps[3]
print(run(bump, ps[3:4], s), vars(ps[3]))
print(run(bump, ps, 1))

# __slots__ (no instance dict: the member descriptor reads and writes).
class S:
    __slots__ = ("n",)
    def __init__(self, n):
        self.n = n
ss = [S(i) for i in range(3)]
print(run(bump, ss, 5), [x.n for x in ss])
ss.append(S.__new__(S))
print(run(bump, ss, 5))

# A property with a setter; one without a setter.
class Prop:
    def __init__(self):
        self._n = 0
    @property
    def n(self):
        return self._n
    @n.setter
    def n(self, v):
        self._n = v * 10
print(run(bump, [Prop(), Prop()], 1))
class RO:
    n = property(lambda self: 3)
print(run(bump, [RO()], 1))

# __setattr__ and __getattr__ overrides from the start.
class Hooked:
    def __init__(self):
        object.__setattr__(self, "n", 0)
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
class Missing:
    def __getattr__(self, k):
        return 42
h = Hooked()
print(run(bump, [h, h], 2))
print(run(bump, [Missing(), Missing()], 1))

# The old value's finalizer runs at the store; an object that dies right after the
# write (only the stack held it) is finalized there too.
class Loud:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)
    def __add__(self, other):
        return Loud(self.tag + other)
class Box:
    def __init__(self, tag):
        self.n = Loud(tag)
    def __del__(self):
        print("del box")
b = Box("x")
for t in "abc":
    bump(b, t)
    print("after", t)
def fresh():
    return Box("f")
def bump_fresh(v):
    fresh().n += v
    print("bumped")
bump_fresh("1")
bump_fresh("2")
del b

# Other SWAP 2 / COPY 1 shapes around attributes (not the fused pairs' exact layout).
class Pair:
    def __init__(self):
        self.a = 1
        self.b = 2
pr = Pair()
for _ in range(3):
    pr.a, pr.b = pr.b, pr.a
    print(pr.a, pr.b)
x = y = Pair()
x.a = y.b = 7
print(x.a, x.b)
