class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d["a"], d["bb"], d.get("zz"), "bb" in d, d)
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
for ch in "hello":
    c[ch] = c[ch] + 1
print(sorted(c.items()))
