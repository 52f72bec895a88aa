# classmethod, staticmethod, property, complex, bytearray, GenericAlias and module are
# acceptable base types (abc.abstractclassmethod, abstractproperty, types.ModuleType
# subclasses, _collections_abc._CallableGenericAlias).
import sys


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


class K:
    @abstractclassmethod
    def f(cls):
        return 'f of ' + cls.__name__

    @abstractstaticmethod
    def g(x):
        return x * 2

    @abstractproperty
    def h(self):
        return 42


print(K.f(), K().f(), K.g(3), K().h)
print(type(K.__dict__['f']).__name__, K.__dict__['f'].__isabstractmethod__)
print(K.__dict__['f'].__func__.__isabstractmethod__, K.__dict__['h'].__isabstractmethod__)
print(isinstance(K.__dict__['h'], property), issubclass(abstractproperty, property))


class Z(complex):
    def conj2(self):
        return self.conjugate()


z = Z(1, 2)
print(z, type(z).__name__, z + 1, z.real, z.imag, z.conj2(), isinstance(z, complex))
print(Z('3+4j'), type(Z(5)).__name__, complex(z) == z)


class B(bytearray):
    def first(self):
        return self[0]


b = B(b'ab')
b.append(99)
print(b, len(b), b.first(), type(b).__name__, isinstance(b, bytearray))

M = type(sys)
m = M('foo')
print(m.__name__, m.__doc__, type(m) is M)
m2 = M('bar', 'the doc')
print(m2.__doc__, m2.__dict__['__name__'], sorted(m2.__dict__))


class N(M):
    def hello(self):
        return 'hello from ' + self.__name__


n = N('mod.sub')
n.x = 5
print(n.hello(), n.x, n.__dict__['x'], type(n).__name__, isinstance(n, M))
try:
    M()
except TypeError as e:
    print(e)
try:
    M(5)
except TypeError as e:
    print(e)

GenericAlias = type(list[int])


class G(GenericAlias):
    def __new__(cls, origin, args):
        return super().__new__(cls, origin, args)


g = G(list, (int,))
print(type(g).__name__, g.__origin__, g.__args__)
print(GenericAlias(dict, (str, int)))
