# type.__new__ copies the class namespace (PyDict_Copy), then takes __qualname__ and
# __classcell__ out and wraps __new__/__init_subclass__/__class_getitem__; errors for a
# non-dict namespace and a non-str __qualname__.
import collections
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return collections.UserDict()
try:
    class C(metaclass=M):
        x = 1
except TypeError as e:
    print("TypeError:", e)
class OD(dict):
    def __getitem__(self, k):
        return 99
class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return OD()
class D(metaclass=M2):
    x = 1
    def __init_subclass__(cls): pass
    def __new__(cls): return super().__new__(cls)
    __qualname__ = "Q"
print(D.x, D.__qualname__, type(D.__dict__['__init_subclass__']), type(D.__dict__['__new__']), [k for k in D.__dict__ if k not in ("__dict__", "__weakref__")])
try:
    type('X', (), collections.UserDict())
except TypeError as e:
    print("TypeError:", e)
try:
    class E:
        __qualname__ = 5
except TypeError as e:
    print("TypeError:", e)

class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class F:
    a = Named()
    b = 1
    def m(self):
        return __class__
    c = Named()
print(F().m() is F, F.__qualname__, [k for k in F.__dict__ if not k.startswith("__")])
