# A class attribute read through an instance (`self.LIMIT`): the LOAD_ATTR slot returns a
# plain class value (no `__get__` on its type, now or later) once the instance dict lacks
# the name, without the descriptor call. Every way that must stop being true: the
# instance gets the name, the class value changes or becomes a descriptor, a value whose
# class later gets `__get__`, subclasses of builtin types, `__getattr__`.


class C:
    I = 7
    F = 1.5
    S = "text"
    T = (1, 2)
    B = 2**70
    N = None
    Z = frozenset({3})
    X = 1 + 2j

    def __init__(self):
        self.a = 0


def read(o, name):
    # One LOAD_ATTR per name, each with its own cache slot.
    if name == "I":
        return o.I
    if name == "F":
        return o.F
    if name == "S":
        return o.S
    if name == "T":
        return o.T
    if name == "B":
        return o.B
    if name == "N":
        return o.N
    if name == "Z":
        return o.Z
    return o.X


def read_all(objs):
    out = []
    for o in objs:
        try:
            out.append(tuple(read(o, n) for n in "IFSTBNZX"))
        except AttributeError as e:
            out.append(f"AttributeError: {e}")
    return out


cs = [C() for _ in range(3)]
for _ in range(3):
    read_all(cs)
print(read_all(cs))

# The instance gets the name (shadows the class value), then loses it.
cs[1].I = "inst"
cs[2].__dict__["S"] = "via dict"
print(read_all(cs))
del cs[1].I
print(read_all(cs))

# The class value changes, is deleted, becomes a property.
C.I = 8
print(read_all(cs[:1]))
del C.F
print(read_all(cs[:1]))
C.F = property(lambda self: "prop F")
print(read_all(cs[:1]))
del C.F
C.F = 2.5


# A value of a heap class: its class can get `__get__` later (never plain).
class Late:
    pass


class D:
    V = Late()
    W = Late()

    def get_v(self):
        return self.V


d = D()
for _ in range(3):
    print(type(d.get_v()).__name__)
Late.__get__ = lambda self, obj, owner: "Late.__get__"
print(d.get_v(), d.W)


# Subclasses of builtin types are not plain either.
class MyStr(str):
    pass


class MyStrGet(str):
    pass


class E:
    M = MyStr("m")
    G = MyStrGet("g")

    def both(self):
        return self.M, self.G


e = E()
for _ in range(3):
    print(e.both())
MyStrGet.__get__ = lambda self, obj, owner: "MyStrGet.__get__"
print(e.both())


# A function (bound on read), a classmethod and a staticmethod stay descriptors.
class F:
    def m(self):
        return "m"

    cm = classmethod(lambda cls: cls.__name__)
    sm = staticmethod(lambda: "sm")

    def reads(self):
        return self.m(), self.m.__name__, self.cm(), self.sm()


f = F()
for _ in range(3):
    print(f.reads())


# __getattr__ only runs for missing names; a class constant is found first.
class G:
    K = 1

    def __getattr__(self, name):
        return "getattr " + name

    def reads(self):
        return self.K, self.missing


g = G()
for _ in range(3):
    print(g.reads())
del G.K
print(g.reads())


# The same instruction sees instances of a subclass and of the class.
class Base:
    K = "base"


class Sub(Base):
    pass


class Sub2(Base):
    K = "sub2"


def read_k(o):
    return o.K


objs = [Base(), Sub(), Sub2(), Base()]
for _ in range(3):
    print([read_k(o) for o in objs])
Base.K = "base2"
print([read_k(o) for o in objs])
