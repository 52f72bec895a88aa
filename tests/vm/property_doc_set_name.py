# property: doc= (keyword or fourth positional) is its __doc__, __set_name__ records the name
# CPython's messages give ("property 'x' of 'C' object has no setter", none before
# __set_name__), getter/setter/deleter keep both; __set__/__delete__/__get__ called directly.
class C:
    x = property(lambda s: 1)
    y = property(lambda s: 2, doc="ydoc")
c = C()
for stmt in ("c.x = 5", "del c.x", "c.z = C.x; C.z = C.x; c.z = 3"):
    try:
        exec(stmt)
    except AttributeError as e:
        print("AttributeError", e)
p = property(lambda s: 1)
class D:
    pass
D.w = p
try:
    D().w = 1
except AttributeError as e:
    print("AttributeError", e)
p.__set_name__(D, "named")
try:
    D().w = 1
except AttributeError as e:
    print("AttributeError", e)
print(property.__set_name__.__doc__)
q = property()
try:
    D.q = q; D().q
except AttributeError as e:
    print("AttributeError", e)
class E:
    r = property()
try:
    E().r
except AttributeError as e:
    print("AttributeError", e)
print(C.y.__doc__, C.x.__doc__)
p2 = property(lambda s: 1, None, None, "positional doc")
print(p2.__doc__)
class F:
    @property
    def a(self):
        "a doc"
        return 1
    b = property(lambda s: 2, doc="bdoc")
    b = b.setter(lambda s, v: None)
print(F.a.__doc__, F.b.__doc__, F.b.fset is not None)
f = F()
f.b = 3
for call in (lambda: F.a.__set__(f, 1), lambda: F.a.__delete__(f), lambda: property().__get__(f, F)):
    try:
        call()
    except AttributeError as e:
        print("AttributeError", e)
G = type("G", (), {"c": property(lambda s: 5)})
try:
    G().c = 1
except AttributeError as e:
    print("AttributeError", e)
