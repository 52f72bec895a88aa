s = {1, 2, 3}
t = {3, 4}
print(sorted(s.union(t)), sorted(s.intersection(t)), sorted(s.difference(t)), sorted(s.symmetric_difference(t)))
print(s.issubset({1, 2, 3, 4}), s.issuperset({1}), s.isdisjoint({9}))
u = set(s)
u.update([5], (6,))
u.difference_update({1})
u.intersection_update({2, 3, 5, 6, 7})
print(sorted(u))
u.symmetric_difference_update({2, 9})
print(sorted(u))
u.discard(100)
try:
    u.remove(100)
except KeyError as e:
    print(repr(e))
print(frozenset([1, 2]) == {1, 2}, hash(frozenset()) == hash(frozenset()))
print(s <= {1, 2, 3}, s < {1, 2, 3}, s > {1})
x = set()
try:
    x.pop()
except KeyError as e:
    print(e)
print(sorted(s.copy()), set() == frozenset())
