a = {5, 3, 17, 33, 100, 64}
b = {64, 2, 3, 1000, 17}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([9, 1], (70,)), a.intersection(range(50)), a.difference([3], {5}), a.symmetric_difference([1, 3]))
c = set(a)
c |= {8, 40}
c &= set(range(60))
c -= {3}
c ^= {99, 17}
print(c)
d = set(range(20))
for x in range(0, 20, 3):
    d.discard(x)
d.update([100, 3, 6])
print(d, d.pop(), d.pop(), d)
print(set([1, 2, 3]).copy(), frozenset(range(30, 0, -4)), {x * 7 % 23 for x in range(15)})
print(set({9: 0, 1: 0, 40: 0}), set("abc") == {"a", "b", "c"}, list({2**62, 2**61, 1, -1, -2}))
print({1.5, 0.25, 3.0, -2.5, 1e20}, {(1, 2), (0, 0), (3, 1)}, {True, 2, None} == {None, True, 2})
big = set()
for i in range(1000):
    big.add((i * 7919) % 10007)
print(list(big)[:20], len(big))
for i in range(0, 1000, 2):
    big.discard((i * 7919) % 10007)
print(list(big)[:20], len(big))
e = {i for i in range(10)}
e.intersection_update([1, 5, 9, 11])
print(e)
e.difference_update([5])
e.symmetric_difference_update([1, 2])
print(e, sorted(e) == sorted(list(e)))
