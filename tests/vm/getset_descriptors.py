# Attribute descriptors of builtin types: getset_descriptor and member_descriptor
# (types.GetSetDescriptorType, types.MemberDescriptorType).
def f(a, b=2):
    return a + b

FunctionType = type(f)
print(FunctionType.__code__, type(FunctionType.__code__).__name__)
print(FunctionType.__globals__, type(FunctionType.__globals__).__name__)
print(type(type.__dict__['__dict__']).__name__, type.__dict__['__name__'])
print(FunctionType.__code__.__get__(f) is f.__code__)
print(FunctionType.__defaults__.__get__(f), FunctionType.__dict__['__name__'].__get__(f))
FunctionType.__dict__['__name__'].__set__(f, 'g')
print(f.__name__, f.__qualname__)
f.__qualname__ = 'q.g'
print(f.__qualname__)
try:
    FunctionType.__code__.__get__(5)
except TypeError as e:
    print(e)
try:
    f.__globals__ = {}
except AttributeError as e:
    print(e)


class C:
    'doc of C'
    x = 1


print(C.__name__, C.__qualname__, C.__dict__['x'], C.__doc__, C.__mro__)
C.__qualname__ = 'Outer.C'
C.__name__ = 'D'
print(C.__name__, C.__qualname__, repr(C).endswith("Outer.C'>"))
try:
    C.__name__ = 5
except TypeError as e:
    print(e)
try:
    int.__name__ = 'x'
except TypeError as e:
    print(e)
print(type(C.__dict__['x']).__name__)
print(property.fget, type(property.fget).__name__, classmethod.__func__)
print(slice.start, range.stop, complex.real)
p = property(lambda self: 1)
print(property.fget.__get__(p) is p.fget)


class Slots:
    __slots__ = ('a',)


s = Slots()
s.a = 3
print(Slots.a, s.a, type(Slots.a).__name__)
