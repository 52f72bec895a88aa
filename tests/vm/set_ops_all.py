a = {1, 2, 3}
b = {3, 4}
print(a | b, a & b, a - b, a ^ b, a <= {1, 2, 3, 4}, a < a, a >= {1}, a > {1}, a.isdisjoint({9}))
print(a.union([5]), a.intersection((2, 9)), a.difference(range(2)), a.symmetric_difference([1, 9]))
print(a.issubset(range(5)), a.issuperset([1]), 2 in a, len(a))
c = set(a)
c.add(10); c.discard(99); c.remove(1); print(sorted(c), c.pop() in a | {10})
try: c.remove(99)
except KeyError as e: print(repr(e))
c |= {7}; c &= {7, 2, 3}; c -= {2}; c ^= {8}; print(sorted(c))
c.update([1], [2]); c.intersection_update([1, 2, 3]); c.difference_update([3]); c.symmetric_difference_update([4]); print(sorted(c))
try: set().pop()
except KeyError as e: print(e)
try: {[]}
except TypeError as e: print(e)
print(set(), {1} == frozenset({1}), set("aab") == {"a", "b"}, sorted({x % 3 for x in range(10)}))
