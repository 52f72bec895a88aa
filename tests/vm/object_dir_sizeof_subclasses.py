# object.__dir__ / type.__dir__ (the names dir() sorts, in CPython's order), __sizeof__,
# type.__subclasses__ / __instancecheck__ / __prepare__.
class A:
    x = 1
    def __init__(self): self.y = 2
class B(A): z = 3
class C(A): pass
print(A.__subclasses__(), B.__subclasses__(), type.__subclasses__(A))
print(A.__subclasses__())
print(bool in int.__subclasses__(), object.__dir__(B())[:3], type.__dir__(B)[:2])
print(sorted(B().__dir__()) == dir(B()), sorted(type.__dir__(B)) == dir(B))
print(type.__instancecheck__(A, B()), type.__instancecheck__(B, A()), type.__prepare__('X', ()))
print(type((1).__sizeof__()), object().__sizeof__() > 0)
import sys
print(sys.getsizeof([]) > 0)
print('__dir__' in dir(object), '__sizeof__' in dir(int), '__class__' in dir(3))
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print('prep', name)
        return super().__prepare__(name, bases)
class D(metaclass=M): pass
