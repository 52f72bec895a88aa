# Attribute caches keyed on per-type versions: a change to a class must reach every
# cached lookup on it and on its subclasses (however deep), while changes to unrelated
# classes must not disturb them; instance dicts manipulated directly, hints that go stale
# when attributes are deleted and re-added in another order, and __slots__ instances
# reached by the same instruction.
class Base:
    x = "base-x"

    def m(self):
        return "Base.m"


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self):
        self.a = 1
        self.b = 2


class Other:
    x = "other-x"

    def m(self):
        return "Other.m"


def get_x(o):
    return o.x


def call_m(o):
    return o.m()


def get_a(o):
    return o.a


def get_b(o):
    return o.b


def set_b(o, v):
    o.b = v


leaf, other = Leaf(), Other()
for _ in range(3):
    print(get_x(leaf), call_m(leaf), get_x(other), call_m(other))
Base.x = "base-x2"  # a base two levels up
print(get_x(leaf), get_x(other))
Mid.x = "mid-x"  # the middle class now shadows it
print(get_x(leaf))
del Mid.x
print(get_x(leaf))
Base.m = lambda self: "Base.m2"
print(call_m(leaf), call_m(other))
Mid.m = lambda self: "Mid.m"
print(call_m(leaf))
for i in range(5):
    Other.counter = i  # a leaf class changing often leaves other entries alone
    print(get_x(leaf), call_m(leaf), get_x(other), Other.counter)

# Instance dicts: hints shared by instances whose keys came in different orders.
l2 = Leaf()
del l2.a
l2.a = 10  # now after b
for o in (leaf, l2, leaf, l2):
    print(get_a(o), get_b(o))
l2.__dict__.clear()
try:
    get_a(l2)
except AttributeError as e:
    print("AttributeError", e)
l2.__dict__["b"] = "via dict"
print(get_b(l2))
vars(l2)["a"] = "via vars"
print(get_a(l2), sorted(vars(l2)))
for i in range(3):
    set_b(leaf, i)
    set_b(l2, -i)
print(leaf.b, l2.b, list(vars(leaf)), list(vars(l2)))
del leaf.__dict__["b"]
set_b(leaf, "again")
print(list(leaf.__dict__.items()))

# An instance attribute shadowing a method, then a method-named dict key from another
# instance of the same class.
def call_m2(o):
    return o.m()


x1, x2 = Leaf(), Leaf()
for _ in range(3):
    print(call_m2(x1))
x2.m = lambda: "instance m"
print(call_m2(x1), call_m2(x2), call_m2(x1))
x2.__dict__.pop("m")
print(call_m2(x2))


# A descriptor added to a base after warmup takes over loads and stores.
class Desc:
    def __get__(self, obj, owner):
        return "desc-get"

    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


for _ in range(3):
    set_b(leaf, 5)
    print(get_b(leaf))
Base.b = Desc()
set_b(leaf, 6)
print(get_b(leaf), leaf.__dict__.get("seen"), leaf.__dict__.get("b"))
del Base.b
print(get_b(leaf))


# __slots__ instances and plain instances through one instruction.
class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = "slot-a"
        self.b = "slot-b"


for o in (Leaf(), S(), Leaf(), S()):
    print(get_a(o), get_b(o))
s = S()
del s.a
try:
    get_a(s)
except AttributeError as e:
    print("AttributeError", e)

# Hooks added to a subclass's base after warmup.
y = Leaf()
for _ in range(3):
    print(get_a(y))
Mid.__getattribute__ = lambda self, name: "ga:" + name
print(get_a(y), get_x(y))
del Mid.__getattribute__
Base.__getattr__ = lambda self, name: "missing:" + name
del y.a
print(get_a(y))


# A class made after its base's entries were cached.
class Late(Leaf):
    x = "late-x"


print(get_x(Late()), get_x(Leaf()))
Leaf.x = "leaf-x"
print(get_x(Late()), get_x(Leaf()))
