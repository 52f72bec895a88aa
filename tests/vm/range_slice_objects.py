r = range(1, 10, 2)
print(r, len(r), r[2], r[-1], r[1:3], list(r[::-1]), 5 in r, 4 in r, r.index(7), r.count(3))
print(range(0), range(5) == range(0, 5), range(0) == range(2, 2), list(range(10, 0, -3)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(3), [0, 1, 2, 3, 4, 5][s])
print(r.start, r.stop, r.step, reversed(range(3)).__class__.__name__)
print(list(reversed(range(0))), list(reversed(range(1, 10, 3))), list(reversed(range(5, -5, -4))), list(reversed(range(3, 0))))
