x = 10
print([x for x in range(3)], x)
print({k: v for k, v in zip("ab", (1, 2))}, {c for c in "aab"} == {"a", "b"})
g = (i * i for i in range(4))
print(next(g), list(g), list(g))
print([(i, j) for i in range(3) for j in range(i) if j % 2 == 0])
print([[j for j in range(i)] for i in range(3)])
class K:
    v = 5
    items = [v * 2 for _ in range(2)] if False else [1]
print(K.items)
