t = (1, 2, 3)
a, b, c = t
print(t, a, b, c, t[1:], t + (4,), t * 2, len(t), t.index(2), t.count(3))
x, *rest = [1, 2, 3, 4]
*init, y = "abc"
print(x, rest, init, y)
p, (q, r) = 1, (2, 3)
print(p, q, r, (), (5,), tuple([1, 2]), hash((1, 2)) == hash((1, 2)))
a, b = b, a
print(a, b)
