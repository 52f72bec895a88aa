# list.sort/sorted with keys that compare without Python code (ints, floats, strs, tuples
# of those) next to keys that need the general comparison: stability, reverse, NaN,
# mixed kinds, subclasses with their own __lt__, errors raised mid-sort.
seed = 5


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n


pairs = [(rand(5), "abc"[rand(3)], i) for i in range(60)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
print(sorted(pairs, key=lambda p: (p[1],), reverse=True))
print(sorted(pairs, key=lambda p: (p[1], (p[0], "x"))))
print(sorted([(1,), (1, "a"), (), (0, "z", 3), (1, "a", 2)]))
print(sorted([0.5, -0.0, 0.0, -1e308, 2.5, float("inf"), -float("inf")]))
print(sorted(["b", "a", "é", "😀", "ab", "", "B"]), sorted(["b", "a", "é"], reverse=True))
print(sorted([3, 1, 2**70, -2**65, 0]), sorted([1, 2.5, True, 0]))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]) [1:], sorted([(nan, 2), (nan, 1)], key=lambda t: t[1]))
print(sorted([(nan, 2), (nan, 1)]) == [(nan, 2), (nan, 1)] or "order differs")

class K(str):
    def __lt__(self, other):
        return len(self) < len(other)

print(sorted([K("ccc"), K("a"), K("bb")]), sorted([("x", K("bb")), ("x", K("a"))]))

class T(tuple):
    def __lt__(self, other):
        return self[1] < other[1]

print(sorted([T((1, 3)), T((2, 1)), T((0, 2))]))
for bad in [[1, "a", 2], [(1, 2), (1, "b")], [(1,), ("a",)], ["a", 1.5], [(1, [2]), (1, 3)]]:
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError", e)

def key(x):
    if x == 7:
        raise KeyError(x)
    return x

xs = list(range(10))
try:
    xs.sort(key=key)
except KeyError as e:
    print("KeyError", e, xs)

class Boom:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ValueError("boom")
        return self.v < other.v
    def __repr__(self):
        return f"B{self.v}"

ys = [Boom(v) for v in [5, 1, 4, 3, 2]]
try:
    ys.sort()
except ValueError as e:
    print("ValueError", e, sorted(ys, key=lambda b: b.v))

zs = [3, 1, 2]
def meddle(x):
    zs.append(x)
    return x
try:
    zs.sort(key=meddle)
except ValueError as e:
    print("ValueError", e, zs)
big = [rand(2 * 10**6) - 10**6 for _ in range(3000)]
print(sorted(big) == sorted(big, key=lambda v: (v,)), sorted(big)[:3], sorted(big, reverse=True)[:3])
words = ["w%d" % (i * 7919 % 1000) for i in range(2000)]
print(sorted(set(words))[:5], sorted(words, key=lambda w: (len(w), w))[-3:])
