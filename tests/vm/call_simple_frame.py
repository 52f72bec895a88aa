# The loop's simple-call path (a Python function called with exactly its positional
# parameters, no keywords: eval::call::push_simple_frame) against everything near it:
# defaults, keywords, *args, keyword-only parameters, methods, closures and cells,
# generator and coroutine functions, recursion limits, exceptions and tracebacks crossing
# such frames, and a suspended generator's locals (its saved state layout).
import sys


def add(a, b):
    return a + b


def with_default(a, b=10):
    return a * b


def kwonly(a, *, k=3):
    return a - k


def star(*args):
    return len(args)


def posonly(a, b, /):
    return (a, b)


print(add(1, 2), with_default(4), with_default(4, 5), kwonly(9), kwonly(9, k=1))
print(star(), star(1, 2, 3), posonly(1, 2), add(b=2, a=1))
for bad in (lambda: add(1), lambda: add(1, 2, 3), lambda: posonly(a=1, b=2),
            lambda: with_default()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class C:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def plus(self, n):
        return self.v + n

    @staticmethod
    def st(x):
        return x * 2

    @classmethod
    def cm(cls, x):
        return cls.__name__, x


c = C(5)
m = c.plus
print(c.get(), c.plus(3), m(4), C.plus(c, 1), c.st(4), C.st(5), c.cm(1), C.cm(2))


def counter():
    n = 0

    def inc(step):
        nonlocal n
        n += step
        return n

    return inc


inc = counter()
print(inc(1), inc(2), inc(3))


def cell_arg(x):
    def get():
        return x

    x += 1
    return get()


print(cell_arg(1))


def gen(a, b):
    total = a
    yield total
    total += b
    yield total


g = gen(1, 2)
print(next(g), sorted(g.gi_frame.f_locals.items()))
print(next(g), sorted(g.gi_frame.f_locals.items()))
print(list(gen(10, 20)))


async def coro(x):
    return x + 1


co = coro(41)
try:
    co.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(500))
old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    deep(1000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
print(deep(100))


def fails(x):
    return 1 // x


def middle(x):
    return fails(x) + 1


try:
    middle(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        print("tb line", tb.tb_lineno)
        tb = tb.tb_next


def outer_catch(x):
    try:
        return middle(x)
    except ZeroDivisionError:
        return "caught"


print(outer_catch(0), outer_catch(1))


def local_frame(a, b):
    c = a + b
    return sys._getframe().f_locals, sys._getframe(1).f_code.co_name


def caller():
    return local_frame(1, 2)


print(caller())
middle(0)
