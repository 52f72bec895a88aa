l = [1, 2]
l.append(l)
print(l)
d = {"a": 1}
d["self"] = d
print(d)
nested = []
cur = nested
for i in range(100):
    cur.append([])
    cur = cur[0]
print(str(nested)[:20], len(str(nested)))
