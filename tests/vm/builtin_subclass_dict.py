class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
    def extra(self): return sorted(self)
d = D(a=1)
d["b"] = 2
print(d, d.extra(), type(d).__name__, isinstance(d, dict))
print(d == {"a": 1, "b": 20}, len(d))
class Default(dict):
    def __missing__(self, k): return k * 2
dd = Default()
print(dd["ab"], dd.get("ab"), "ab" in dd)
class Attr(dict):
    pass
a = Attr(x=1)
a.note = "attr"
print(a, a.note, a.copy(), type(a.copy()).__name__)
print(D.fromkeys("ab", 0), type(D.fromkeys("ab", 1)).__name__)
