# f.__code__ = g.__code__ (CPython's func_set_code): later calls run the new code with the
# function's own globals, defaults and name; running frames keep their code; the checks.


def f(x):
    return ("f", x)


def g(a, b):
    return ("g", a, b)


print(f(1))
f.__code__ = g.__code__
print(f(1, 2), f.__name__, f.__code__ is g.__code__, f.__code__.co_name)
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
print(f(b=5, a=4))
print(f(*[7, 8]))
f.__defaults__ = (99,)
print(f(3))


# The call fast path (exact positional arguments) sees the new shape at once.
def h0():
    return "h0"


def h1(x):
    return "h1", x


def loop():
    out = []
    for i in range(3):
        out.append(h0())
    return out


print(loop())
h0.__code__ = h1.__code__
try:
    loop()
except TypeError as e:
    print("TypeError", e)
print(h0(5))


# A generator's code: the function becomes a generator function.
def gen(n):
    for i in range(n):
        yield i * i


def plain(n):
    return n


plain.__code__ = gen.__code__
print(list(plain(4)), type(plain(1)).__name__)


# A frame that replaces its own function's code keeps running its code; the recursive
# calls run the new one.
def rec(n):
    if n == 3:
        rec.__code__ = other.__code__
    return ["rec", n] + (rec(n - 1) if n > 0 else [])


def other(n):
    return ["other", n]


print(rec(4))


# Methods and __init__ (the loop's method call and class call paths).
class C:
    def __init__(self, v):
        self.v = v

    def m(self):
        return "m", self.v


def m2(self):
    return "m2", self.v * 2


def init2(self, v):
    self.v = -v


c = C(3)
print(c.m())
C.m.__code__ = m2.__code__
print(c.m(), [C(i).m() for i in range(3)])
C.__init__.__code__ = init2.__code__
print(C(5).v, C(v=6).v)


def bad_init(self, v):
    return 1


C.__init__.__code__ = bad_init.__code__
try:
    C(1)
except TypeError as e:
    print("TypeError", e)


# Globals stay the function's own.
import types

ns = {"K": "from ns"}
exec("def kf():\n    return K\n", ns)
K = "from module"


def kg():
    return K


print(ns["kf"](), kg())
kg.__code__ = ns["kf"].__code__
print(kg())
ns["kf"].__code__ = (lambda: K).__code__
print(ns["kf"]())


# Closures: the number of free variables must match the closure's.
def outer():
    y = 10

    def inner():
        return y

    return inner


def outer2():
    z = 20

    def inner2():
        return z + 1

    return inner2


i1, i2 = outer(), outer2()
i1.__code__ = i2.__code__
print(i1())
for bad in (f.__code__, 1, None):
    try:
        i1.__code__ = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del f.__code__
except TypeError as e:
    print("TypeError", e)
try:
    f.__code__ = i1.__code__
except ValueError as e:
    print("ValueError", e)


# A replaced code seen through the frame and the traceback.
def boom():
    raise KeyError("x")


def quiet():
    return 0


quiet.__code__ = boom.__code__
try:
    quiet()
except KeyError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, quiet.__name__)
