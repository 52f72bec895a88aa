# The FastMethod entries of builtin methods (list.append, dict.get): the call shapes that
# take them (recv.m(x) through LOAD_METHOD, the unbound form) and the ones that do not
# (keywords, other counts, bound method objects), subclasses, receivers of the wrong
# type, keys whose __eq__/__hash__ run Python code (and mutate the dict or raise), and
# the moment a dropped argument is freed.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def appends():
    xs = []
    for i in range(5):
        xs.append(i * i)
    app = xs.append
    app(99)
    list.append(xs, 100)
    print(xs)
    class L(list):
        pass
    l = L()
    for i in range(3):
        l.append(i)
    list.append(l, "u")
    print(l, type(l).__name__)
    class L2(list):
        def append(self, v):
            print("L2.append", v)
            super().append(v)
    l2 = L2()
    l2.append(7)
    print(l2)
    for call in [lambda: xs.append(), lambda: xs.append(1, 2), lambda: xs.append(x=1),
                 lambda: list.append((), 1), lambda: list.append(), lambda: list.append(1)]:
        try:
            call()
        except TypeError as e:
            print("TypeError", e)
    big = []
    for i in range(10000):
        big.append(i)
    print(len(big), sum(big))
    # The appended object lives in the list; the list's death frees it.
    holder = []
    holder.append(Noisy("appended"))
    print("before clear")
    holder.clear()
    print("after clear")


class Key:
    def __init__(self, v, hits=None):
        self.v = v
        self.hits = hits

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        if self.hits is not None:
            self.hits.append(other.v if isinstance(other, Key) else other)
        return isinstance(other, Key) and self.v == other.v


class Mutator:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.d.clear()
        return False


class BadHash:
    def __hash__(self):
        raise ValueError("no hash")


def gets():
    d = {"a": 1, 2: "two", 2.5: "f", None: "n", (1, 2): "t"}
    for k in ["a", "b", 2, 3, 2.5, None, (1, 2), (1, 3), True, 1]:
        print(repr(k), d.get(k), d.get(k, "dflt"))
    counts = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    hits = []
    kd = {Key(1, hits): "one", Key(2, hits): "two", Key(3, hits): "three"}
    print(kd.get(Key(1)), kd.get(Key(3)), kd.get(Key(4), "none"), hits)
    m = {}
    m[Mutator(m)] = 1
    print(m.get(Mutator(m), "gone"), len(m))
    try:
        d.get(BadHash())
    except ValueError as e:
        print("ValueError", e)
    try:
        d.get([])
    except TypeError as e:
        print("TypeError", e)
    for call in [lambda: d.get(), lambda: d.get(1, 2, 3), lambda: d.get(key="a"),
                 lambda: dict.get([], "a"), lambda: dict.get(), lambda: d.get("a", default=1)]:
        try:
            call()
        except TypeError as e:
            print("TypeError", e)
    class D(dict):
        def __missing__(self, k):
            return "missing"
    dd = D(a=1)
    print(dd.get("a"), dd.get("b"), dd.get("b", 0), dd["b"], dict.get(dd, "a"))
    class D2(dict):
        def get(self, k, default=None):
            return ("D2.get", k, default)
    print(D2().get("x"), dict.get(D2(x=5), "x"))
    g = d.get
    print(g("a"), g("zz", 5))
    # The default is freed when the call is done with it.
    print(d.get("a", Noisy("default, unused")))
    print("after get")
    r = d.get("zz", Noisy("default, returned"))
    print("got", r.name)
    del r
    print("end gets")


def tb():
    # Uncaught: the traceback names this line.
    d = {}
    d.get(BadHash())


appends()
gets()
tb()
