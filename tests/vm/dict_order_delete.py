d = {}
for k in "abcdef":
    d[k] = ord(k)
del d["b"]; del d["e"]
d["b"] = 0
print(d, list(d), len(d))
for i in range(1000):
    d[i] = i
for i in range(0, 1000, 2):
    del d[i]
print(len(d), list(d)[:8], d[999], d.get(998))
print(d.popitem(), len(d))
