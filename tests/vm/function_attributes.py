def f(a, b=2, *args, c, d=4, **kw) -> int:
    "doc"
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__annotations__, f.__module__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_name, f.__globals__ is globals())
f.__defaults__ = (20,)
f.__kwdefaults__ = {"c": 30, "d": 40}
print(f(1), f.__defaults__)
def outer():
    x = 1
    def inner(): return x
    return inner
i = outer()
print(i.__closure__[0].cell_contents, i.__qualname__, type(i.__closure__[0]).__name__, outer.__closure__)
f.attr = "custom"
print(f.__dict__, f.attr)
def wrap(g):
    def w(*a): return g(*a)
    w.__wrapped__ = g
    return w
print(wrap(f).__wrapped__ is f)
f.__name__ = "renamed"
print(f.__name__, repr(f).split(" at ")[0])
try: f.__name__ = 5
except TypeError as e: print(e)
