# `E(x)` of a Python exception class made by BaseException's own __new__/__init__ skips
# the lookups of __new__/__init__ once seen: any change to the class or a base must be
# seen at the next call.
class E(Exception):
    pass


for i in range(3):
    e = E(i)
print(type(e).__name__, e.args)


def init(self, *args):
    Exception.__init__(self, *args)
    self.z = len(args)


E.__init__ = init
e = E(1, 2)
print(e.args, e.z)
del E.__init__
e = E(3)
print(e.args, hasattr(e, "z"))


class B(Exception):
    pass


class C(B):
    pass


for i in range(3):
    c = C(i)
print(type(c).__name__, c.args)
B.__new__ = staticmethod(lambda cls, *a: "made by B.__new__")
print(C(1), B(2))
del B.__new__
print(repr(C(1)), repr(B(2)))
B.__init__ = lambda self, *a: None
c = C(5, 6)
print(c.args)
try:
    C(1, key=2)
except TypeError as t:
    print("TypeError:", t)
del B.__init__
try:
    C(1, key=2)
except TypeError as t:
    print("TypeError:", t)


class Meta(type):
    def __call__(cls, *args):
        return "meta " + repr(args)


class M(Exception, metaclass=Meta):
    pass


print(M(1))
for i in range(2):
    print(repr(E(i)), repr(C(i)))
