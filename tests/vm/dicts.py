d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"a": 10, "d": 4}); print(d)
print(d.pop("b"), d.setdefault("e", 5), d.setdefault("a", 0), d)
del d["c"]; print(d)
for k, v in d.items():
    print(k, v)
print({k: k * 2 for k in range(4)}, dict(a=1, b=2), dict([("x", 1)]), {**d, "z": 0})
e = {1: "int", 1.0: "float", True: "bool"}
print(e, {(1, 2): "t"}[(1, 2)])
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err)
print(d == dict(d), d | {"q": 1})
