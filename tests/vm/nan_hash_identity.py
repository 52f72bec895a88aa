# NaN hashes by identity (3.10+): distinct NaN complexes and NaN-holding frozensets are
# distinct set members; one object is found again; equal non-NaN values hash equal.
nan = float('nan')
zs = [complex(nan, i) for i in range(200)] + [complex(i, nan) for i in range(200)]
s = set(zs)
print(len(s), all(z in s for z in zs), complex(nan, 0) in s)
z = complex(nan, 1)
print({z: 1}[z], len({z, z}), hash(1 + 2j) == hash(complex(1, 2)), hash(3 + 0j) == hash(3))
fs = [frozenset({complex(nan, 0), i}) for i in range(100)]
print(len(set(fs)), len(frozenset(fs)), fs[5] in set(fs))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), frozenset({1, 2}) == {2, 1})
nested = frozenset([frozenset([frozenset([i, -i]) for i in range(30)]) for _ in range(30)])
print(len(nested), frozenset([frozenset([i, -i]) for i in range(30)]) in nested)
