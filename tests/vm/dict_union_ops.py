a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print(a | b, b | a, a)
a |= b
print(a)
a |= [("w", 0)]
print(a)
try: a | [("q", 1)]
except TypeError as e: print(e)
print({**a, "n": 1}, dict(a, k=2), dict([(1, 2)]), dict(zip("ab", range(2))))
print(list(reversed(a)), list(reversed(a.items())), list(reversed(a.values())))
