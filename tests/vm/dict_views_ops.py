d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 1 in v, ("a", 1) in it)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(it & {("a", 1)}), k == {"a", "b", "c"}, k <= {"a", "b", "c", "d"}, k.isdisjoint({"q"}))
d["d"] = 4
print(list(k), list(v))
print(type(k).__name__, type(v).__name__, type(it).__name__)
try: d.values() == d.values()
except Exception as e: print(e)
print(d.values() == d.values())
