# exec(): statements from str, bytes and code objects; globals/locals semantics.

r = exec("a = 1\nb = a + 1\n")
print(r, a, b)
g = {}
exec("x = 5\ndef f():\n    return x * 2\n", g)
print(g["x"], g["f"](), "__builtins__" in g)
l = {}
exec("y = 3\nz = y + 1", {}, l)
print(sorted(l.items()))
exec(b"print('from bytes')")
exec(compile("print('from code', 1 + 1)", "<c>", "exec"))


def func():
    v = 7
    exec("print('v is', v)")
    loc = {}
    exec("w = v + 1", globals(), loc)
    return loc


print(func())


class Recorder(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)


rec = Recorder()
exec("m = 1\nn = m + 1", {}, rec)
print(sorted(rec.items()))

g2 = {"__builtins__": {"len": len}}
exec("k = len('abc')", g2)
print(g2["k"])

exec("class C:\n    attr = 4\nprint(C.attr)")
exec("for i in range(3):\n    print(i)\nelse:\n    print('done')")
exec("")
exec("import sys\nprint(sys.__name__)")

for src in ["x =", "def f(:\n  pass", "  x = 1", "if 1:\npass", "return 5", "break"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e.args)

for bad in [(1,), ("1", []), ("1", {}, 5)]:
    try:
        exec(*bad)
    except TypeError as e:
        print("TypeError", e)

try:
    exec("raise ValueError('inside')")
except ValueError as e:
    print("ValueError", e)


def outer():
    z = 1

    def inner():
        return z

    return inner


try:
    exec(outer().__code__)
except TypeError as e:
    print("TypeError", e)
