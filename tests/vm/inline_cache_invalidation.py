# The per-instruction attribute and global caches must give what an uncached lookup
# gives after every kind of change: class attributes rebound, methods shadowed by
# instance attributes, descriptors and hooks added to a class later, globals and
# builtins rebound or deleted.
class A:
    kind = "class"

    def m(self):
        return "method"


def read(o):
    return o.kind


def call(o):
    return o.m()


def store(o, v):
    o.val = v
    return o.__dict__.get("val", "no dict entry")


a = A()
for i in range(3):
    print(read(a), call(a), store(a, i))
A.kind = "rebound"
print(read(a))
a.kind = "instance"
print(read(a))
del a.kind
print(read(a))
a.m = lambda: "shadowed"
print(call(a))
del a.m
print(call(a))
A.m = lambda self: "replaced"
print(call(a))
A.kind = property(lambda self: "property")
print(read(a))
del A.kind
try:
    read(a)
except AttributeError as e:
    print("AttributeError", e)
A.__getattr__ = lambda self, name: "getattr " + name
print(read(a))
A.__getattribute__ = lambda self, name: "getattribute " + name
print(read(a), call(A()) if False else "")
del A.__getattribute__
del A.__getattr__


class Logged:
    pass


log = []
o = Logged()
for i in range(3):
    print(store(o, i))
Logged.__setattr__ = lambda self, n, v: log.append((n, v))
print(store(o, 99), log)


class Slot:
    __slots__ = ("val",)


s = Slot()
for i in range(2):
    try:
        print(store(s, i))
    except AttributeError as e:
        print("AttributeError", e)


class B(A):
    pass


b = B()
print(call(b), read(b) if hasattr(b, "kind") else "no kind")
B.kind = "on B"
print(read(b))


def use_len(x):
    return len(x)


print(use_len("abc"))
len = lambda x: "shadowed len"
print(use_len("abc"))
del len
print(use_len("abcd"))
import builtins
builtins.len = lambda x: "patched builtin"
print(use_len("ab"))
del builtins.len


def get_g():
    return g


for g in (1, 2):
    print(get_g(), get_g())
del g
try:
    get_g()
except NameError as e:
    print("NameError", e)
items = []
for i in range(3):
    items.append(i)
print(items)
