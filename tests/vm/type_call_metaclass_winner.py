# type(name, bases, ns, **kw) with a base whose metaclass is more derived: the winner's
# __new__ makes the class (CPython's type_new -> _PyType_CalculateMetaclass), as
# enum's _simple_enum does with type(name, (etype,), body, boundary=...).
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['made_by'] = mcls.__name__ + str(sorted(kw))
        return super().__new__(mcls, name, bases, ns)


class Base(metaclass=Meta):
    pass


C = type('C', (Base,), {}, flag=1)
print(type(C).__name__, C.made_by, C.__bases__)
D = type('D', (Base,), {})
print(type(D).__name__, D.made_by)


class Other(type):
    pass


class O(metaclass=Other):
    pass


try:
    type('X', (Base, O), {})
except TypeError as e:
    print(e)
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Num(enum.IntEnum):
    ONE = 1


print(Color.RED, Color(2), list(Color), Num.ONE + 1, repr(Num.ONE), Color.RED.name)
print(int.__new__(int, 5), type(int.__dict__['__new__']).__name__, 'int' in repr(int.__new__))
for bad in (5, list):
    try:
        int.__new__(bad)
    except TypeError as e:
        print(e)
print(None.__doc__, NotImplemented.__doc__, int.__flags__ & (1 << 9), Color.__flags__ & (1 << 9))
