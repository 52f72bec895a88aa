# The dict fast paths (identity before equality, exact str/int hashes computed inline,
# one-borrow get/set) must agree with the general protocol: equal keys of different
# objects or types, str/int subclasses with their own __hash__/__eq__, __eq__ that
# mutates the dict, and the errors.
d = {}
words = ["w%d" % (i * 7 % 10) for i in range(40)]  # equal strs, distinct objects
for w in words:
    d[w] = d.get(w, 0) + 1
print(sorted(d.items()))
print(d.get("w3"), d.get("nope"), d.get("nope", "dflt"), "w1" in d, "x" in d)
try:
    d.get()
except TypeError as e:
    print("TypeError", e)
try:
    d.get(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

n = {1: "int", 2.0: "float", True: "bool?"}
print(n, n[1.0], n[2], 2 in n, 1.5 in n, n.get(True))
big = 2**70
n[big] = "big"
print(n[2**70], (2**70) in n, n.get(2**70 + 1))
del n[2]
print(n)
try:
    del n[2]
except KeyError as e:
    print("KeyError", e)
try:
    n[[1]] = 0
except TypeError as e:
    print("TypeError", e)
try:
    n.get({})
except TypeError as e:
    print("TypeError", e)


class S(str):
    def __hash__(self):
        return hash(str(self)) if len(self) > 1 else 42

    def __eq__(self, other):
        print("S.__eq__", str(self), other)
        return str.__eq__(self, other)


class I(int):
    def __hash__(self):
        return int.__hash__(self)


m = {"ab": 1, "x": 2}
print(m[S("ab")], S("ab") in m, m.get(S("zz")), m.get(S("x")))
m[S("ab")] = 10
print(m, type(list(m)[0]).__name__)
print({I(3): "three"}[3], {3: "three"}[I(3)])


class Evil:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.d.clear()
        return False


e = {}
e[Evil(e)] = 1
e[Evil(e)] = 2
print(len(e))

sq = {i: i * i for i in range(2000)}
total = 0
for i in range(0, 2000, 3):
    if i in sq:
        total += sq[i] % 7
    del sq[i]
print(total, len(sq), list(sq.items())[:3], sum(v for _, v in sq.items()))
try:
    for k in sq:
        sq[k + 5000] = 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for k, v in sq.items():
        del sq[k]
except RuntimeError as e:
    print("RuntimeError", e)
