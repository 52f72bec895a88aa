# abc on the native _abc: abstract methods (object.__new__ refuses), register, __subclasshook__, caches, collections.abc's ABCs.
import abc
from abc import ABC, ABCMeta, abstractmethod, get_cache_token
class A(ABC):
    @abstractmethod
    def f(self): pass
    def g(self): pass
print(sorted(A.__abstractmethods__), type(A._abc_impl).__name__)
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
print(sorted(B.__abstractmethods__), B().f())
t0 = get_cache_token()
A.register(int)
print(get_cache_token() - t0, isinstance(3, A), issubclass(bool, A), issubclass(str, A), isinstance('x', A))
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if any('__len__' in k.__dict__ for k in C.__mro__): return True
        return NotImplemented
class L:
    def __len__(self): return 0
print(issubclass(L, Sized), issubclass(int, Sized), isinstance(L(), Sized))
class S2(Sized): pass
S2.register(float)
print(issubclass(float, Sized), issubclass(float, S2))
r = abc._get_dump(A)
print(len(r[0]), len(r[1]), len(r[2]), type(r[3]))
try: A.register(3)
except TypeError as e: print(e)
try: B.register(A)
except RuntimeError as e: print(e)
class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C): return 3
try: issubclass(int, Bad)
except AssertionError as e: print(e)
try: issubclass(3, A)
except TypeError as e: print(e)
print(A.register(int) is int)
A._abc_caches_clear(); A._abc_registry_clear(); print(issubclass(int, A))
import _collections_abc as cabc
print(issubclass(list, cabc.Sequence), issubclass(dict, cabc.Mapping), isinstance({}.keys(), cabc.KeysView), issubclass(int, cabc.Hashable), issubclass(list, cabc.Hashable))
print(isinstance(iter([]), cabc.Iterator), isinstance((x for x in []), cabc.Generator), issubclass(tuple, cabc.MutableSequence))
print('__abc_tpflags__' in cabc.Sequence.__dict__)
class V(cabc.Sequence):
    def __getitem__(self, i): return [1,2][i]
    def __len__(self): return 2
print(list(V()), V().index(2), 2 in V(), list(reversed(V())))
class AM(metaclass=ABCMeta):
    @property
    @abstractmethod
    def p(self): ...
print(AM.__abstractmethods__)
