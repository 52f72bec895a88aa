print([i * j for i in range(3) for j in range(3) if i != j])
print({i: i ** 2 for i in range(5)}, sorted({c for c in "mississippi"}))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print(list((a, b) for a in "ab" for b in (1, 2)))
