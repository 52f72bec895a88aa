# A bound method's hash and equality come from its self and function, not from the
# method object (each `a.m` is a new one): CPython's method_hash/meth_hash and
# method_richcompare/meth_richcompare.
class A:
    def m(self):
        pass

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


a, b = A(), A()
print(hash(a.m) == hash(a.m), a.m == a.m, a.m == b.m, a.m != a.m)
print(hash(a.m) == hash(a) ^ hash(A.m))
ms = {a.m, a.m, b.m}
print(len(ms))
l, k = [], []
print(hash(l.append) == hash(l.append), l.append == l.append, l.append == k.append)
print(l.append != l.append, l.append == l.extend, len({l.append, l.append, k.append}))
d = {}
print(d.get == d.get, hash(d.get) == hash(d.get), "abc".upper == "abc".upper)
