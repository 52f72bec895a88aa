def f(a, b, *c, d, **e):
    x = a + b
    return x
co = f.__code__
print(co.co_name, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals, co.co_varnames)
print(co.co_filename.endswith("code_objects.py"), co.co_firstlineno, co.co_flags & 0x0C, type(co.co_code).__name__, co.co_qualname)
print(type(co).__name__, co.co_consts, co.co_names, co.co_freevars, co.co_cellvars, co.co_stacksize > 0)


def g(x):
    return x.attr + len(x)
print(g.__code__.co_code == g.__code__.co_code, len(g.__code__.co_code) % 2, g.__code__.co_code[:2])
