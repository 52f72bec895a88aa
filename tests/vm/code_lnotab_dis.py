# co_lnotab (3.11's decode_linetable), code._varname_from_oparg and dis.dis of functions.
import dis


def f(a):
    b = a + 1
    return b


def g(x):
    def inner():
        return x
    return inner


print(f.__code__.co_lnotab, g.__code__.co_lnotab)
src = "x = 1\n" + "\n" * 300 + "y = 2\n" + "\n" * 200 + "z = 3\n"
print(compile(src, "s", "exec").co_lnotab)
print(compile("a = 1; b = 2", "s", "exec").co_lnotab)
print(f.__code__._varname_from_oparg(1), f.__code__._varname_from_oparg(oparg=0))
print([g.__code__._varname_from_oparg(i) for i in range(len(g.__code__.co_varnames) + len(g.__code__.co_cellvars))])
for bad in (9, -1, "x"):
    try:
        f.__code__._varname_from_oparg(bad)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(f.__code__._co_code_adaptive == f.__code__.co_code)
dis.dis(f)
dis.dis(g)
