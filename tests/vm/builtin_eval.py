# eval(): expressions from str and bytes, globals/locals semantics, code objects, errors.

x = 10
print(eval("x + 1"))
print(eval("  \t x * 2"))
print(eval("(1,\n 2)\n\n"))
print(eval("1, 2, 3"))
print(eval(b"[i * i for i in range(4)]"))
print(eval("y", {"y": 5}))
print(eval("y + z", {"y": 5}, {"z": 7}))
g = {}
print(eval("len", g) is len, sorted(g))
print(eval("__name__"))


def f(a):
    b = a + 1
    return eval("a + b")


print(f(3))


class M:
    def __getitem__(self, k):
        if k == "q":
            return 42
        raise KeyError(k)


print(eval("q + 1", {}, M()))
print(eval("(lambda n: n * x)(3)"))
c = compile("x - 1", "<here>", "eval")
print(eval(c), eval(c, {"x": 100}))
print(eval("[v for v in 'ab']"))

for src in ["x = 1", "1 +", "", "  ", "return 1", "1 2", "(", "x\n y"]:
    try:
        eval(src)
    except SyntaxError as e:
        print(type(e).__name__, e.args)

for bad in [(1,), ("1", []), ("1", {}, 5), ("1", M())]:
    try:
        eval(*bad)
    except TypeError as e:
        print("TypeError", e)

try:
    eval("1", globals=None)
except TypeError as e:
    print("TypeError", e)

try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)

try:
    eval("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
