# Unary -, + and ~ on machine ints and floats skip the dunder lookup (a float is negated
# in its stack slot); everything else keeps the generic path. Edge values, bools,
# subclasses with their own dunders, and the errors.
vals = [0, 1, -1, 2**63 - 1, -2**63, 2**63, -2**64, True, False, 0.0, -0.0, 1.5, -2.25,
        float('inf'), -float('inf'), 1e308, 5e-324]
for v in vals:
    r = -v
    print(repr(v), repr(r), type(r).__name__)
    p = +v
    print(" +", repr(p), type(p).__name__)
    if not isinstance(v, float):
        print(" ~", ~v, type(~v).__name__)
n = -float("nan")
print(n != n, repr(-n), repr(+n))


def neg_loop(x, k):
    out = []
    for _ in range(k):
        x = -x
        out.append(x)
    return out


print(neg_loop(0.5, 4), neg_loop(-0.0, 3), neg_loop(-2**63, 3), neg_loop(7, 3))


class F(float):
    def __neg__(self):
        return "F.neg"

    def __pos__(self):
        return "F.pos"


class I(int):
    def __invert__(self):
        return "I.invert"


print(-F(1.0), +F(2.0), ~I(3), -I(4), +I(5), type(-I(4)).__name__)
print(-complex(1, -2), +complex(0, 1), -(3 + 0j))
for bad in ["s", None, [1], 1.5]:
    for op in ("neg", "pos", "inv"):
        try:
            if op == "neg":
                print(-bad)
            elif op == "pos":
                print(+bad)
            else:
                print(~bad)
        except TypeError as e:
            print("TypeError", e)
