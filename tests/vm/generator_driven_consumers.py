# sum/list/tuple/sorted/join/max/min/any/all consume an exact generator in one loop entry
# (generator.rs drive): items that need Python code, errors, PEP 479, finalizers due at
# a yield, early exits, re-entrancy and the recursion limit must behave as CPython's.
def gen(n):
    for i in range(n):
        yield i
print(sum(gen(10)), sum(gen(0)), sum(gen(5), 10), sum(gen(5), 0.5))
print(list(gen(5)), tuple(gen(3)), sorted(x % 3 for x in range(7)), "".join(str(x) for x in range(5)))
print(max(gen(7)), min(gen(7)), max(x * 1.5 for x in range(4)), min([3, 1.0, 2]))
print(any(gen(3)), any(gen(0)), all(gen(3)), all(x + 1 for x in range(3)))
print(max(iter([1, 2.5, 2])), max((x for x in [1, 2.5, 2])), max((x for x in ["a", "c", "b"])))
print(sum(x for x in [1, 2**70, 3]), sum(x for x in [1, 2.5, "a"] if not isinstance(x, str)))
def g2():
    yield 1
    yield 2
    raise StopIteration("inside")
try:
    sum(g2())
except RuntimeError as e:
    print("RT", e, repr(e.__cause__))
def g3():
    yield 1
    raise ValueError("boom")
try:
    print(list(g3()))
except ValueError as e:
    print("VE", e)
g = gen(10)
print(next(g), sum(g), list(g))
class D:
    def __del__(self):
        print("del", sum(1 for _ in range(3)))
def g4():
    yield 1
    D()
    yield 2
    yield 3
print(sum(g4()))
def g5():
    yield 1
    yield "x"
try:
    sum(g5())
except TypeError as e:
    print(e)
def g6():
    try:
        yield 1
        yield 0
        yield 2
    finally:
        print("fin")
print(all(g6()))
print(any(x > 2 for x in range(10)))
print(max(x for x in [float('nan'), 1.0, 2.0]), max(x for x in [1.0, float('nan'), 2.0]))
def g7():
    yield 1
    yield gi.gi_running
gi = g7()
print(list(gi))

def selfclose():
    yield 1
    me.close()
    yield 2
me = selfclose()
try:
    sum(me)
except ValueError as e:
    print("VE", e)
def selfnext():
    yield 1
    next(me2)
me2 = selfnext()
try:
    list(me2)
except ValueError as e:
    print("VE2", e)
def rec(n):
    yield n
    if n:
        yield sum(rec(n - 1))
print(sum(rec(50)))
import sys
def deep(n):
    yield sum(deep(n + 1))
try:
    sum(deep(0))
except RecursionError as e:
    print("RecursionError", type(e).__name__)
class Big:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Big(self.v + (o.v if isinstance(o, Big) else o))
    __radd__ = __add__
    def __lt__(self, o): return self.v < (o.v if isinstance(o, Big) else o)
    def __gt__(self, o): return self.v > (o.v if isinstance(o, Big) else o)
    def __bool__(self):
        print("bool", self.v)
        return self.v > 1
def mixed():
    print("g1"); yield 1
    print("g2"); yield Big(2)
    print("g3"); yield 3
    print("g4"); yield 2.5
print(sum(mixed()).v)
print(max(mixed()).v if isinstance(max(mixed()), Big) else max(mixed()))
print(min(mixed()))
print(any(x for x in [0, 0.0, None, False, Big(5), 1]))
print(all(x for x in [1, 2.5, True, Big(1), 0]))
def partial():
    try:
        for i in range(5):
            yield i
    finally:
        print("closed")
p = partial()
print(any(x == 2 for x in p), next(p), list(p))
p2 = partial()
print(any(p2))
print(next(p2))
del p2
it = (x for x in range(5))
print(sum(it), sum(it), list(it))
def lazy_sum_inside():
    t = 0
    for x in (y * 2 for y in range(5)):
        t += x
        yield t
print(list(lazy_sum_inside()), max(lazy_sum_inside()), tuple(lazy_sum_inside()))
def gen_exc_info():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        yield 2
print(sum(gen_exc_info()), sys.exc_info()[0])
