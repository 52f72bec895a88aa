# `obj.__class__ = Other` (CPython 3.11 object_set_class): methods, attribute caches and
# isinstance follow the new class; incompatible layouts, builtin types and bad values are
# refused with CPython's messages.
class A:
    kind = "A"

    def who(self):
        return "A.who " + self.name

    def __repr__(self):
        return "<A-repr>"


class B:
    kind = "B"

    def who(self):
        return "B.who " + self.name

    def __len__(self):
        return 7


def who(o):
    return o.who()


def kind(o):
    return o.kind


a = A()
a.name = "x"
for _ in range(3):
    print(who(a), kind(a), repr(a))
a.__class__ = B
print(who(a), kind(a), len(a), type(a).__name__, isinstance(a, B), isinstance(a, A))
print(a.__dict__, a.__class__ is B, repr(a).startswith("<__main__.B object"))
a.__class__ = A
print(who(a), kind(a), repr(a))


class Sub(A):
    def who(self):
        return "Sub.who"


s = A()
s.name = "s"
s.__class__ = Sub
print(who(s), kind(s), type(s).__mro__[1].__name__)


class WithDel:
    def __del__(self):
        print("WithDel.__del__")


d = A()
d.__class__ = WithDel
del d
print("after del")


def attempt(label, obj, value):
    try:
        obj.__class__ = value
        print(label, "ok", type(obj).__name__)
    except TypeError as e:
        print(label, "TypeError", e)


class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("a",)


class S3:
    __slots__ = ("b",)


class L(list):
    pass


class L2(list):
    pass


class D(dict):
    pass


attempt("int", 1, A)
attempt("obj", object(), A)
attempt("to int", A(), int)
attempt("to obj", A(), object)
attempt("non-type", A(), 3)
attempt("slots same", S1(), S2)
attempt("slots differ", S1(), S3)
attempt("slots vs dict", S1(), A)
attempt("dict vs slots", A(), S1)
attempt("list sub", L(), L2)
attempt("list vs dict", L([1]), D)
attempt("list vs plain", L(), A)
attempt("plain vs list", A(), L)
try:
    del A().__class__
except TypeError as e:
    print("del TypeError", e)
l = L([1, 2])
l.__class__ = L2
print(type(l).__name__, l, len(l))


class M1(type):
    pass


class M2(type):
    def hello(cls):
        return "M2.hello " + cls.__name__


class C(metaclass=M1):
    pass


C.__class__ = M2
print(type(C).__name__, C.hello())
try:
    A.__class__ = M2
except TypeError as e:
    print("type TypeError", e)


class P:
    @property
    def __class__(self):
        return int


print(P().__class__, type(P()).__name__)
