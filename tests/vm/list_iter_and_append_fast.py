# FOR_ITER over list iterators (subclasses included), LIST_APPEND of comprehensions, and
# the int fast path of `& | ^`: the fast arms must agree with the general ones.


class L(list):
    def __getitem__(self, i):
        return "item"

    def __len__(self):
        return 99


class M(list):
    def __iter__(self):
        return iter(["own"])


# A list iterator reads the storage, even of a subclass that overrides __getitem__.
print([x for x in L([1, 2, 3])], list(L([4])), [x for x in M([1, 2])])
it = iter(L([5, 6]))
print(type(it).__name__, next(it), [x for x in it])

# Growing while iterating; an exhausted iterator stays exhausted.
xs = [1, 2, 3]
seen = []
for x in xs:
    seen.append(x)
    if x < 3 and len(xs) < 6:
        xs.append(x * 10)
print(seen, xs)
it = iter(xs)
print(list(it))
xs.append(99)
print(list(it), next(it, "done"))
# Shrinking while iterating.
ys = [1, 2, 3, 4, 5]
out = []
for y in ys:
    out.append(y)
    if ys:
        ys.pop()
print(out, ys)

# Comprehensions: nested, filtered, appending objects that die later.
print([x * y for x in range(4) if x & 1 for y in (x, -x)])
print([[i] * i for i in range(4)])


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


zs = [D(i) for i in range(3)]
print(len(zs))
del zs
print("after del")

# & | ^ on ints: negatives, mixed with bools and big ints, in-place forms.
vals = [0, 1, -1, 5, -6, 2**62, -(2**63), 2**63 - 1]
for a in vals:
    for b in (3, -4, 2**40):
        assert a & b == int.__and__(a, b)
        assert a | b == int.__or__(a, b)
        assert a ^ b == int.__xor__(a, b)
print([a & 7 for a in vals], [a | 1 for a in vals], [a ^ -1 for a in vals])
print(True & 1, True | False, True ^ True, 1 & True, (2**70) & (2**70 + 5), (2**70) ^ 1)
v = 12
v &= 10
w = 12
w |= 3
u = 12
u ^= 5
print(v, w, u, -5 & 3, -5 | 3, -5 ^ 3)
try:
    1 & 1.0
except TypeError as e:
    print("TypeError", e)
print(sum([x for x in range(100) if x & 1]))
