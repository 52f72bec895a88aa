# functools.lru_cache / cache on the native _lru_cache_wrapper: hits, misses, eviction order, typed keys, methods, recursion, cache_clear.
import functools
from _functools import _lru_cache_wrapper
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), type(fib).__name__, fib.__name__, fib.__wrapped__.__name__)
calls = []
@functools.lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 1, 2)], calls, sq.cache_info())
sq.cache_clear(); print(sq.cache_info(), sq(1), sq.cache_info())
@functools.lru_cache(maxsize=0)
def z(x): return x
print(z(1), z(1), z.cache_info())
@functools.lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info(), t.cache_parameters())
@functools.cache
def kw(a, b=0, *, c=1): return (a, b, c)
print(kw(1), kw(1, b=2), kw(1, c=3), kw(1, b=2), kw.cache_info())
class C:
    @functools.lru_cache
    def m(self, x): return (id(self) != 0, x)
c = C(); print(c.m(2), c.m(2), C.m.cache_info())
try: functools.lru_cache(maxsize='a')
except TypeError as e: print(e)
@functools.lru_cache(maxsize=3)
def boom(x):
    if x < 0: raise ValueError(x)
    return x
try: boom(-1)
except ValueError as e: print('ValueError', e, boom.cache_info())
print(boom(1), boom(1), boom.cache_info(), functools.lru_cache(-5)(abs).cache_info())

print(fib.__copy__() is fib, fib.__deepcopy__({}) is fib)
try: _lru_cache_wrapper(1, 1, False, None)
except TypeError as e: print(e)
print(sorted(fib.cache_parameters().items()))
