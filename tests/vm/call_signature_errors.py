def f(a, b, /, c, *, d): return (a, b, c, d)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3, d=4, e=5), lambda: f(1, 2, 3, c=3, d=4)]:
    try: call()
    except TypeError as e: print(e)
def g(*args, **kwargs): return args, kwargs
print(g(1, *[2, 3], x=1, **{"y": 2}))
try: g(**{1: 2})
except TypeError as e: print(e)
try: g(x=1, **{"x": 2})
except TypeError as e: print(e)
class C:
    def m(self, x): pass
try: C().m()
except TypeError as e: print(e)
try: C.m()
except TypeError as e: print(e)
