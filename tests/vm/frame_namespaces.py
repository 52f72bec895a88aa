# A frame's globals and builtins come from its function (module, class-body and
# exec/eval frames included): f_globals/f_builtins, globals(), LOAD_GLOBAL's cache across
# functions sharing one code object with different globals, exec/eval namespaces.
import sys
import types
import builtins


def where():
    f = sys._getframe(1)
    return f.f_globals is globals(), f.f_builtins is builtins.__dict__


print("module", sys._getframe().f_globals is globals(), where())


def get_x():
    return x


x = "module x"
g2 = {"x": "other x", "__builtins__": builtins}
other = types.FunctionType(get_x.__code__, g2)
# The same code with two globals dicts: the LOAD_GLOBAL cache must tell them apart.
for _ in range(3):
    print(get_x(), "|", other())
g2["x"] = "changed"
print(get_x(), "|", other())
del g2["x"]
try:
    other()
except NameError as e:
    print("NameError", e)

# exec/eval run under their own namespaces.
ns = {"y": 5}
exec("import sys\nz = y * 2\nf = sys._getframe()\nsame = f.f_globals is globals()", ns)
print(ns["z"], ns["same"], ns["f"].f_globals is ns)
print(eval("y + 1", ns), eval("y + k", ns, {"k": 10}))
# A function made by exec with separate locals reads the exec's globals, not its locals.
loc = {}
try:
    exec("def h():\n    return q\nq = 7\nr = h()", {"__builtins__": builtins}, loc)
except NameError as e:
    print("NameError", e, sorted(loc))
g = {}
exec("def h():\n    return q\nq = 7\nr = h()", g)
print(g["r"], g["h"].__globals__ is g)

# Builtins through a function's globals.
print(eval("len('abc')", {}))


class C:
    attr = sys._getframe().f_globals is globals()
    name = __name__

print(C.attr, C.name)


# A running frame keeps its code when the function's code is replaced.
def outer(n):
    if n == 0:
        outer.__code__ = replacement.__code__
        return "first"
    return outer(n - 1) + "/" + str(n)


def replacement(n):
    return "second"


print(outer(3), outer(1))


# Recursion limit still raises RecursionError for simple frames.
def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)


# Frame objects of finished frames keep their namespaces.
def keep():
    return sys._getframe()


fr = keep()
print(fr.f_globals is globals(), fr.f_builtins is builtins.__dict__, fr.f_back is None)
