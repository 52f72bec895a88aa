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




class I(int):
    pass


class Idx:
    def __index__(self):
        return 1


def pops():
    xs = list(range(10))
    print(xs.pop(), xs.pop(0), xs.pop(-1), xs.pop(I(1)), xs.pop(Idx()), xs.pop(True), xs)
    print(list.pop(xs), xs)
    for call in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].pop(-2), lambda: [].pop("a"),
                 lambda: [].pop(2**70), lambda: [1].pop(-2**70), lambda: [1].pop(1.0),
                 lambda: [1].pop(1, 2), lambda: [1].pop(index=0), lambda: list.pop((1,)),
                 lambda: [1, 2][I(2**70)]]:
        try:
            print(call())
        except (TypeError, IndexError, OverflowError) as e:
            print(type(e).__name__, e)
    print([5, 6, 7][I(1)], [5, 6, 7][Idx()])
    held = [Noisy("popped")]
    v = held.pop()
    print("popped", v.name)
    del v
    print("after pop")


def dict_more():
    d = {}
    for w in "a b a c b a".split():
        d.setdefault(w, []).append(w)
    print(d, d.setdefault("z"), d)
    print(list(d.keys()), list(d.values()), list(d.items()), type(d.items()).__name__)
    class D(dict):
        pass
    dd = D(x=1)
    print(list(dd.keys()), dd.setdefault("y", 2), dict.items(dd))
    for call in [lambda: d.setdefault(), lambda: d.setdefault(1, 2, 3), lambda: d.keys(1),
                 lambda: dict.keys([]), lambda: d.setdefault([], 1), lambda: d.items(x=1)]:
        try:
            print(call())
        except TypeError as e:
            print("TypeError", e)
    m = {}
    m[Mutator(m)] = 1
    print(m.setdefault(Mutator(m), "new"), len(m))


def sets():
    s = set()
    for i in [3, 1, 3, "a", (1, 2), 1]:
        s.add(i)
    print(sorted(map(repr, s)))
    class S(set):
        pass
    ss = S()
    ss.add(1)
    set.add(ss, 2)
    print(sorted(ss), type(ss).__name__)
    for call in [lambda: s.add([]), lambda: s.add(), lambda: s.add(1, 2), lambda: set.add(frozenset(), 1),
                 lambda: s.add(x=1)]:
        try:
            print(call())
        except TypeError as e:
            print("TypeError", e)


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def lens():
    import builtins
    print(len([1, 2]), len("héllo"), len({}), len(range(10)), len(b"ab"), len({1: 2}.items()))
    print(len(Sized(3)), len(Sized(True)))
    for call in [lambda: len(Sized(-1)), lambda: len(Sized(2**70)), lambda: len(Sized("x")),
                 lambda: len(5), lambda: len(), lambda: len(1, 2), lambda: len(obj=[])]:
        try:
            print(call())
        except (TypeError, ValueError, OverflowError) as e:
            print(type(e).__name__, e)
    real = builtins.len
    builtins.len = lambda x: "patched"
    try:
        print(len([1]))
    finally:
        builtins.len = real
    print(len([1]), list(map(len, ["a", "bb"])))


pops()
lens()
dict_more()
sets()
appends()
gets()
tb()
