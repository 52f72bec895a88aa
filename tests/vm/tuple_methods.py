t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t[::-1], t + (4,), t * 2, len(t), 2 in t)
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
a, *b, c = t
print(a, b, c, (1,), (), tuple([1, 2]), (1, 2) < (1, 2, 0), hash(()) == hash(()))
