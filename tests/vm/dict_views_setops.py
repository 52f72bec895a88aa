a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(a | b, b | a)
a |= b
print(a)
print(a.keys() == {"x", "y", "z"}, "x" in a.keys(), ("x", 1) in a.items())
print(sorted(a.items() & {("x", 1)}))
print(len(a.values()), list(reversed(a)), list(reversed(a.values())))
print(a.keys().isdisjoint({"q"}))
print(dict.fromkeys("ab", 0))
