# Attribute stores that add keys to an instance dict (the inline cache's slow path, which
# inserts at the free slot its lookup probe ended on when the table need not grow):
# insertion order, deleted entries in the probe sequences, growth across sizes, keys
# deleted and re-added, setattr with computed names, and the dict seen from outside.


class A:
    pass


def fill(o, names, start):
    for i, n in enumerate(names):
        setattr(o, n, start + i)


def store_abc(o, v):
    o.a = v
    o.b = v + 1
    o.c = v + 2


objs = []
for k in range(6):
    o = A()
    names = [f"k{j}" for j in range(k * 3)]
    fill(o, names, k)
    store_abc(o, k)
    objs.append(o)
for o in objs:
    print(list(vars(o).items())[-5:], len(vars(o)))

# Deletions leave entries behind in the probe sequences; new keys must not land on them.
o = A()
fill(o, [f"d{j}" for j in range(10)], 0)
for j in range(0, 10, 2):
    delattr(o, f"d{j}")
store_abc(o, 100)
fill(o, [f"e{j}" for j in range(6)], 50)
for j in range(0, 10, 2):
    setattr(o, f"d{j}", -j)
print(list(vars(o).items()))
print(sorted(vars(o)) == sorted(set(vars(o))), len(vars(o)))

# The same instance dict through __dict__ and through attributes agree.
p = A()
d = p.__dict__
store_abc(p, 7)
d["z"] = 0
p.y = 1
del d["a"]
store_abc(p, 8)
print(d, p.__dict__ is d, [getattr(p, n) for n in "abcyz"])

# Many instances of one class, attributes in two orders and with gaps.
class B:
    def __init__(self, i):
        if i % 2:
            self.x = i
            self.y = -i
        else:
            self.y = -i
            self.x = i
        if i % 3 == 0:
            self.z = i * i
        for j in range(i % 7):
            setattr(self, "w%d" % j, j)


bs = [B(i) for i in range(30)]
print([list(vars(b)) for b in bs[:8]])
print(sum(b.x + b.y + getattr(b, "z", 0) for b in bs), sum(len(vars(b)) for b in bs))
