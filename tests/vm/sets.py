s = {3, 1, 2}
s.add(4); s.discard(1)
print(sorted(s), len(s), 2 in s, 9 in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {2} < a)
print(sorted(set("hello")), sorted({x % 3 for x in range(10)}), frozenset([1]) == {1})
