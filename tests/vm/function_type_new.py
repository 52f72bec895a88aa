# types.FunctionType(code, globals, name=None, argdefs=None, closure=None): CPython's
# argument checks (in its order) and the function it makes.
import types


def outer():
    x = 1

    def inner():
        return x

    return inner


inner = outer()


def f(a, b=2):
    "doc of f"
    return a + b


c = f.__code__
tests = [
    lambda: types.FunctionType(1, {}),
    lambda: types.FunctionType(c, 1),
    lambda: types.FunctionType(c, {}, 5),
    lambda: types.FunctionType(c, {}, None, [1]),
    lambda: types.FunctionType(c, {}, None, None, (1,)),
    lambda: types.FunctionType(inner.__code__, {}),
    lambda: types.FunctionType(inner.__code__, {}, None, None, (1,)),
    lambda: types.FunctionType(inner.__code__, {}, None, None, [1]),
    lambda: types.FunctionType(inner.__code__, {}, None, None, ()),
    lambda: types.FunctionType(c, {}, closure=None, name="zz"),
    lambda: types.FunctionType(),
    lambda: types.FunctionType(c),
    lambda: types.FunctionType(c, {}, None, None, None, 1),
    lambda: types.FunctionType(c, globals={}, kwdefaults=1),
    lambda: types.FunctionType(c, {}, None, None, ()),
]
for t in tests:
    try:
        r = t()
        print("ok", r.__name__, r.__qualname__, r.__defaults__, r.__module__, r.__closure__, r.__doc__)
    except Exception as e:
        print(type(e).__name__, e)
g = {"__name__": "modx"}
h = types.FunctionType(c, g, "hh", (10,))
print(h(1), h.__name__, h.__qualname__, h.__module__, h.__globals__ is g, h.__kwdefaults__)
i2 = types.FunctionType(inner.__code__, {}, None, None, inner.__closure__)
print(i2(), i2.__closure__ is inner.__closure__)
g2 = {"__builtins__": {"len": len}}
h2 = types.FunctionType(compile("len", "x", "eval"), g2)
print(h2(), sorted(h2.__builtins__))
import builtins
g3 = {"__builtins__": builtins}
h3 = types.FunctionType(compile("abs(-3)", "x", "eval"), g3)
print(h3(), h3.__builtins__ is builtins.__dict__)
