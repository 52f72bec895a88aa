def f(a, b=2, *args, c, d=4, **kw):
    "doc"
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:4])
def ann(x: int, y: "str" = "s") -> bool:
    return True
print(ann.__annotations__)
f.custom = 5
print(f.custom, f.__dict__, f.__module__)
f.__defaults__ = (10,)
print(f(1, c=3))
import sys
print(type(f).__name__, callable(f), f.__wrapped__ if hasattr(f, "__wrapped__") else None)
