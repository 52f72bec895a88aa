# type.__abstractmethods__ and type.__annotations__ are getset descriptors of type: a class's
# own dict entry (never a base's); __annotations__ is created empty on first read.
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
print(A.__abstractmethods__, "__abstractmethods__" in type.__dict__, type(type.__dict__["__abstractmethods__"]).__name__)
try:
    A()
except TypeError as e:
    print(e)
class B(A):
    def f(self): return 1
print(B.__abstractmethods__, B().f())
for t in (int, type, object):
    try:
        print(t.__abstractmethods__)
    except AttributeError as e:
        print("AttributeError", e)
class P: pass
try:
    P.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
P.__abstractmethods__ = frozenset({"g"})
print(P.__abstractmethods__, "__abstractmethods__" in P.__dict__)
del P.__abstractmethods__
try:
    del P.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
try:
    int.__abstractmethods__ = frozenset()
except TypeError as e:
    print(e)

class C:
    x: int
    y: "str" = "a"
class D(C): pass
class E: pass
print(C.__annotations__, D.__annotations__, "__annotations__" in D.__dict__)
print(E.__annotations__ is E.__annotations__, E.__dict__["__annotations__"])
C.__annotations__ = {"z": float}
print(C.__annotations__, C().__annotations__)
del C.__annotations__
print("__annotations__" in C.__dict__, C.__annotations__)
del E.__annotations__
try:
    del E.__annotations__
except AttributeError as e:
    print("AttributeError", e)
for t in (int, type):
    try:
        print(t.__annotations__)
    except AttributeError as e:
        print("AttributeError", e)
try:
    int.__annotations__ = {}
except TypeError as e:
    print(e)
class M(type): pass
class K(metaclass=M):
    a: int
print(K.__annotations__, M("N", (), {}).__annotations__)
