# COMPARE_OP followed by POP_JUMP_IF_* runs fused for two ints or two floats (and LOAD_FAST
# pairs run without a dispatch): every operator, both jump directions, NaN, infinities,
# mixed int/float and subclasses (which take the generic path), and an unbound local as
# the second of a LOAD_FAST pair.

nan = float("nan")
inf = float("inf")
vals = [-3, 0, 2, 7, -2.5, 0.0, -0.0, 2.0, inf, -inf, nan, True]


def ops(a, b):
    r = []
    if a < b:
        r.append("<")
    if a <= b:
        r.append("<=")
    if a == b:
        r.append("==")
    if a != b:
        r.append("!=")
    if a > b:
        r.append(">")
    if a >= b:
        r.append(">=")
    if not (a < b):
        r.append("!<")
    if not (a >= b):
        r.append("!>=")
    return r


for a in vals:
    for b in vals:
        print(repr(a), repr(b), ops(a, b))


# Backward jumps: `while x < y` at the loop's end.
def count(lo, hi, step):
    n = 0
    while lo < hi:
        lo += step
        n += 1
    return n


print(count(0, 10, 1), count(0, 10, 3), count(0.0, 1.0, 0.25), count(5, 1, 1))


def count_down(x):
    n = 0
    while x >= 0.5:
        x /= 2
        n += 1
    return n


print(count_down(1000.0), count_down(nan), count_down(inf / inf if False else 3))


class MyInt(int):
    def __lt__(self, other):
        print("MyInt.__lt__")
        return True


print(ops(MyInt(5), 3)[:1])
if MyInt(5) < 3:
    print("subclass compare jumped")

# Big ints (heap) and mixed int/float take the generic path.
big = 2**70
print(big > 2**69, 1 < 1.5, 2.5 > 2, big < inf)


def pair(flag):
    if flag:
        b = 2
    a = 1
    return a + b


print(pair(True))
try:
    pair(False)
except UnboundLocalError as e:
    print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)
