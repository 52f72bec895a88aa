# The eval loop keeps the value stack pointer in a local while a frame runs (fast arms)
# and writes it back before anything that may call out (general arms). Each fast arm's
# fall-through, the stack growing while detached, and calls out of fast arms.
import sys


def pair_unbound():
    a = 1
    if False:
        b = 2
    return a + b  # LOAD_FAST a; LOAD_FAST b: the second is unbound


try:
    pair_unbound()
except UnboundLocalError as e:
    print("unbound:", e, e.__traceback__.tb_next.tb_lineno)


def deep_stack(n):
    # A tuple display of many items: the value stack grows past its first allocation
    # while the frame runs with its pointer in a local.
    return (n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9,
            n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9,
            n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9,
            n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9)


def recurse(k):
    if k == 0:
        return sum(deep_stack(k))
    return recurse(k - 1) + len(deep_stack(k))


print(recurse(150))
big = eval("[" + ",".join(str(i) for i in range(3000)) + "]")
print(len(big), big[-1])
print(sum(f(*range(300)) for f in [lambda *a: len(a)]))


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def method(self, x):
        return (self.name, x)


def fast_arm_finalizers():
    x = D("stored-over")
    x = 1  # STORE_FAST releases an object: its finalizer runs before the next line
    print("after store")
    D("popped")  # POP_TOP releases it
    print("after pop")
    for d in [D("iter")]:
        pass
    del d
    print("after loop")
    return x


print(fast_arm_finalizers())


def truth_fallthrough(vals):
    out = []
    for v in vals:
        if v:  # bool/int/None take the fast arm; the rest call __bool__/__len__
            out.append(1)
        else:
            out.append(0)
        if v is None:
            out.append("n")
    return out


class B:
    def __init__(self, t):
        self.t = t

    def __bool__(self):
        print("bool", self.t)
        return self.t


print(truth_fallthrough([True, False, 0, 7, None, 0.0, 2.5, "", "x", [], [1], B(True), B(False)]))


def compare_fallthrough():
    r = []
    for a, b in [(1, 2), (2.5, 1.5), (1, 2.5), ("a", "b"), (2**70, 1), (True, 0)]:
        if a < b:
            r.append("lt")
        r.append(a >= b)
    return r


print(compare_fallthrough())


def arith_fallthrough():
    x = 2**62
    y = x + x  # overflows i64: the generic path makes a big int
    z = -7 // 2, -7 % 2, 7 // -2, 1.5 / 0.5, 2 ** 0.5
    try:
        1 / 0
    except ZeroDivisionError as e:
        z += (str(e),)
    return y, z


print(arith_fallthrough())


def copy_swap(o):
    o.n += 1  # COPY, SWAP around the attribute
    o.n *= 3
    a, b = 1, 2
    b, a = a, b
    return o.n, a, b


class N:
    n = 1


print(copy_swap(N()))


class M:
    def m(self, a, b=2):
        return a + b


f = M().m
print(f(1), f(1, b=5), [M().m(i) for i in range(3)])


def globals_and_attrs():
    t = 0
    o = M()
    for i in range(5):
        t += len(str(i)) + o.m(i)
    return t


print(globals_and_attrs())
print(sys.getrecursionlimit() > 0)
