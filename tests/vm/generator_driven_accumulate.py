# sum() and min()/max() without a key let a driven generator's YIELD_VALUE take machine
# ints and floats in place (generator.rs Acc/absorb): overflow to big ints, mixed and
# non-numeric items, NaN and signed zeros, start values, the yield's result, partial
# consumption before and after, errors, finalizers and nested drivers must match CPython.
def gen(items):
    for x in items:
        got = yield x
        if got is not None:
            print("sent", got)


big = 2**62
print(sum(gen([big, big, big, 1])), sum(gen([-big, -big, -big, -big, -1])))
print(sum(gen([1, 2, 3.5, 4])), sum(gen([1.5, 2, 3])), sum(gen([1, True, 2])))
print(sum(gen([0.1] * 10)), sum(gen([1, 2]), 0.5), sum(gen([1.5]), 2))
print(sum(gen([1, 2]), big * 2), sum(gen([[1], [2]]), []), sum(gen([])), sum(gen([]), 7))
print(sum(gen([1, 2**70, 3])), sum(gen([2**70, 1, 2])), sum(gen([1, 2]), 10**30))
print(max(gen([3, 1, 4, 1, 5, 9, 2, 6])), min(gen([3, 1, 4, 1, 5, 9, 2, 6])))
print(max(gen([1.5, -2.5, 0.25])), min(gen([1.5, -2.5, 0.25])))
print(max(gen([1, 2.5, 2])), min(gen([2.5, 1, 3])), max(gen([2, 2.0])), max(gen([2.0, 2])))
print(max(gen([float("nan"), 1.0, 2.0])), max(gen([1.0, float("nan"), 2.0])))
print(min(gen([float("nan"), 1.0])), min(gen([1.0, float("nan"), 0.5])))
print(max(gen([0.0, -0.0])), max(gen([-0.0, 0.0])), min(gen([0.0, -0.0])), min(gen([-0.0, 0.0])))
print(max(gen([big * 4, 1, 2])), max(gen([1, big * 4, 2])), min(gen([1, -(big * 4)])))
print(max(gen(["b", "a", "c"])), max(gen([1, 5, 3]), key=lambda x: -x), max(gen([]), default="d"))
print(max(gen([True, 2, False])), min(gen([3, False])), max(gen([1, 3, 2])), min(gen([7])))
for bad in ([1, "a"], [1.5, None], []):
    for f in (sum, max, min):
        try:
            print(f.__name__, f(gen(bad)))
        except (TypeError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
# Partly consumed first, then driven; stopped by a str, then resumed by next().
g = gen([1, 2, 3, 4])
print(next(g), sum(g), list(g))
g = gen([1, 2, "x", 4, 5])
try:
    sum(g)
except TypeError as e:
    print("TE", e)
print(next(g), sum(g))
g = gen([4, 5.5, 6])
print(max(g), list(g))


def state():
    for i in range(3):
        me = yield i
        print("yield gave", me, g_state.gi_running, g_state.gi_frame.f_lineno > 0)


g_state = state()
print(sum(g_state))


def raises():
    yield 1
    yield 2
    raise KeyError("k")


for f in (sum, max, min):
    try:
        f(raises())
    except KeyError as e:
        print(f.__name__, "KeyError", e)


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, sum(x for x in range(self.n)))


def with_finalizers():
    for i in range(5):
        D(i)
        yield i
        yield i * 1.5


print(sum(with_finalizers()))
print(max(with_finalizers()))


def outer():
    for i in range(4):
        yield sum(x * i for x in range(5))
        yield max(y for y in (i, i + 1.5))


print(sum(outer()), max(outer()), min(outer()))
print(sum(x for x in range(100000)), max(x * 7 % 1001 for x in range(5000)))


def self_next():
    yield 1
    try:
        next(g_self)
    except ValueError as e:
        print("VE", e)
    yield 2


g_self = self_next()
print(sum(g_self))
