# list.append / dict.get argument handling and the iteration edges around them: a list
# mutated while iterated, a dict changing size while iterated, subclasses, bad receivers.
xs = [1, 2, 3]
for x in xs:
    if x < 3:
        xs.append(x * 10)
print(xs)
ys = [1, 2, 3, 4]
for y in ys:
    ys.remove(y)
print(ys)
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError", e)
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 5), d.get("a", 5), dict.get(d, "a"))
for bad in [(), ("a", 1, 2)]:
    try:
        d.get(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    d.get(key="a")
except TypeError as e:
    print("TypeError", e)
try:
    dict.get([], "a")
except TypeError as e:
    print("TypeError", e)
try:
    d.get([], 1)
except TypeError as e:
    print("TypeError", e)
l = []
l.append(l)
print(l)
for bad in [(), (1, 2)]:
    try:
        l.append(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    l.append(x=1)
except TypeError as e:
    print("TypeError", e)
try:
    list.append((), 1)
except TypeError as e:
    print("TypeError", e)


class L(list):
    def append(self, v):
        super().append(v * 2)


class D(dict):
    def __missing__(self, k):
        return "missing"


m = L()
m.append(3)
list.append(m, 3)
print(m, D(a=1).get("b"), D(a=1)["b"])


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1

    def __eq__(self, o):
        print("eq")
        return isinstance(o, K) and o.v == self.v


dk = {K(1): "one"}
print(dk.get(K(1)), dk.get(K(2), "none"))
