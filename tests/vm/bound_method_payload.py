# Bound methods hold (function, self) in the object itself: every way of making one
# (attribute access, classmethod binding, types.MethodType, functools.lru_cache on a
# method) and every way of reading one (__self__, __func__, ==, hash, repr, calls, dying
# self) behaves as CPython's.
import functools
import types


class A:
    def __init__(self, n):
        self.n = n

    def m(self, k=1):
        return self.n * k

    @classmethod
    def c(cls):
        return cls.__name__

    @functools.lru_cache(maxsize=None)
    def cached(self, k):
        return self.n + k

    def __repr__(self):
        return "A(%d)" % self.n


class D(A):
    def __del__(self):
        print("del D", self.n)


a, b = A(2), A(3)
ma = a.m
print(ma(), ma(5), ma.__self__ is a, ma.__func__ is A.m, ma.__name__, ma.__qualname__)
print(a.m == a.m, a.m is a.m, a.m == b.m, a.m != A(2).m, hash(a.m) == hash(a.m))
print(repr(ma).startswith("<bound method A.m of A(2)>"))
print(A.c(), a.c(), a.c.__self__ is A, B if (B := None) else "no B")
mt = types.MethodType(lambda self, x: (self.n, x), b)
print(mt(7), mt.__self__ is b)
print(a.cached(1), a.cached(1), b.cached(1), A.cached.cache_info().hits)
# the bound method keeps its self alive after the last other reference goes
m3 = D(4).m
print("made")
print(m3(10))
del m3
print("after del")
ms = [D(i).m for i in range(5, 8)]
print([f() for f in ms])
while ms:
    ms.pop(0)
print("popped")
del ma, mt
print("end")
