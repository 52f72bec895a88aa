d = {"a": 1}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("b", 2), d.setdefault("a", 9), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(repr(e))
d.update({"c": 3}, d=4); d.update([("e", 5)]); print(d)
print(d.popitem(), d, list(d.items()), list(d.values()), list(d.keys()))
e = d.copy(); e.clear(); print(e, d, len(d), dict(a=1, b=2), dict([(1, 2)]), dict({"x": 1}, y=2))
print({1: "a"} == {1: "a"}, {1: 2} != {1: 3}, list({"b": 1, "a": 2}))
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
