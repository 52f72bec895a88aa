# The exact-dict/tuple paths of BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR and
# CONTAINS_OP, and the str-only dict table (lookups by exact strs compare buffers):
# every way a fast path must give way to the general one.


class S(str):
    pass


class LoudEq(str):
    def __eq__(self, other):
        print("LoudEq.__eq__", str.__str__(self), other)
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class AlwaysEq:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return True


# Equal strs built apart (short and long, Latin-1 and wider) find each other.
d = {}
for i in range(50):
    d["k%d" % i] = i
print(sum(d["k%d" % i] for i in range(50)), "k7" in d, "k50" in d)
long = "x" * 30
d[long] = "long"
print(d["x" * 30], ("x" * 29 + "x") in d)
d["é" + "ü"] = 1
d["\u20ac" + "1"] = 2
d["\U0001f600" + "2"] = 3
print(d["éü"], d["€1"], d["😀2"], "€2" in d)

# A str-subclass key in a table of exact strs: found by equality, and inserting it
# makes the table mixed (later exact-str lookups still find everything).
print(d[S("k3")], S("k3") in d)
d[S("sub")] = "s"
print(d["sub"], d["k4"], "sub" in d)
# A key whose __eq__ is Python code runs it (CPython calls it here too).
d2 = {"a": 1, "b": 2}
print(d2.get(LoudEq("a")), LoudEq("zz") in d2)
d2[LoudEq("c")] = 3
print(d2["c"], d2.get("c"), "c" in d2)
# A key equal to everything with a str's hash.
d3 = {"abc": 1}
print(d3.get(AlwaysEq(hash("abc"))), AlwaysEq(hash("abc")) in d3)
d3[AlwaysEq(hash("abc"))] = 2
print(d3)

# clear() empties the table; its keys may be mixed again or not.
d4 = {1: "one", "a": "A"}
d4.clear()
d4["x"] = 1
d4["y"] = 2
print(d4["x"], d4.get("y"), "z" in d4)
d4[2.0] = "f"
print(d4[2], d4[2.0], 2 in d4, True in d4)

# Ints, bools and floats as equal keys.
d5 = {1: "a", 2.5: "b"}
d5[True] = "c"
d5[1.0] = "d"
print(d5, d5[1], 2.5 in d5, d5.get(True))
del d5[1.0]
print(d5)

# Missing keys, unhashable keys.
for f in (
    lambda: d5["nope"],
    lambda: d5.__getitem__([]),
    lambda: d5[[]],
    lambda: [] in d5,
    lambda: d5.__setitem__([], 1),
):
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    d5[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    del d5["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    del d5[{}]
except TypeError as e:
    print("TypeError", e)


# Dict subclasses keep their methods.
class Missing(dict):
    def __missing__(self, k):
        return "missing " + repr(k)


class Logged(dict):
    def __getitem__(self, k):
        print("get", k)
        return dict.__getitem__(self, k)

    def __setitem__(self, k, v):
        print("set", k, v)
        dict.__setitem__(self, k, v)

    def __delitem__(self, k):
        print("del", k)
        dict.__delitem__(self, k)

    def __contains__(self, k):
        print("contains", k)
        return dict.__contains__(self, k)


m = Missing(a=1)
print(m["a"], m["b"], "b" in m)
lg = Logged()
lg["x"] = 1
print(lg["x"], "x" in lg)
del lg["x"]
print(lg)


# A key's __eq__ that mutates the dict during the lookup (the lookup restarts).
class Mutator:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.d.clear()
        return False


d6 = {}
d6[Mutator(d6)] = 1
try:
    print(d6.get(Mutator(d6)), len(d6))
except RuntimeError as e:
    print("RuntimeError", e)

# Deleting during iteration still raises.
d7 = {"a": 1, "b": 2}
try:
    for k in d7:
        del d7[k]
except RuntimeError as e:
    print("RuntimeError", e)

# Exact strs stay exact: __class__ cannot be assigned on them.
s = "abc"
try:
    s.__class__ = S
except TypeError as e:
    print("TypeError", e)

# Copies and deletions of str-keyed tables.
d8 = {"w%d" % i: i for i in range(20)}
c = d8.copy()
for i in range(0, 20, 2):
    del c["w%d" % i]
print(len(c), c.get("w3"), c.get("w4"), "w4" in d8, dict(c) == {k: v for k, v in d8.items() if v % 2})

# Tuples: exact, negative and out-of-range indexes, subclasses.
t = (1, 2, 3)
print(t[0], t[-1], t[-3])
for i in (3, -4, 10**20):
    try:
        t[i]
    except IndexError as e:
        print("IndexError", e)
print(t[True], t[1:], t[::-1])


class T(tuple):
    def __getitem__(self, i):
        return "T" + str(i)


print(T((1, 2))[0])

# Counting words (the benchmark's shape), with str keys built apart.
words = ["w%d" % (i * 7 % 13) for i in range(100)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
