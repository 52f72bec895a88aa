# object.__reduce_ex__ / __reduce__ / __getstate__ and __getnewargs__: what copy and
# pickle use (Objects/typeobject.c reduce_newobj, Lib/copyreg.py).
import copy


class C:
    def __init__(self):
        self.a = 1


r = C().__reduce_ex__(2)
print(r[0].__name__, r[1], r[2], r[3], r[4])
r = C().__reduce_ex__(1)
print(r[0].__name__, r[1], r[2])
print(C().__reduce__()[1], object().__reduce_ex__(2)[1:], object().__getstate__())


class S:
    __slots__ = ('x', 'y')


s = S()
s.x = 1
print(s.__reduce_ex__(4)[1:], s.__getstate__())


class L(list):
    pass


l = L([1, 2])
l.q = 2
r = l.__reduce_ex__(2)
print(r[1], r[2], list(r[3]), r[4])
print((1).__reduce_ex__(2)[1], 'ab'.__reduce_ex__(2)[1], (1.5).__getnewargs__(), (1, 2).__getnewargs__())
try:
    (1).__reduce_ex__(1)
except TypeError as e:
    print(e)


class P:
    def __init__(self, v):
        self.v = v
        self.items = [v]

    def __eq__(self, other):
        return type(other) is P and self.v == other.v


p = P(3)
q = copy.copy(p)
print(q.v, q.items is p.items, q == p)
d = copy.deepcopy(p)
print(d.v, d.items is p.items, d.items == p.items)
print(copy.deepcopy({'a': [1, (2, 3)], 'b': {4}}), copy.copy(L([5])))


class R:
    def __reduce__(self):
        return (R, ())


print(type(R().__reduce_ex__(2)[0]).__name__, object.__reduce_ex__ is object.__reduce_ex__)
print(object.__reduce_ex__, object.__getstate__)


class N(int):
    pass


print(copy.copy(N(7)), type(copy.copy(N(7))).__name__)
