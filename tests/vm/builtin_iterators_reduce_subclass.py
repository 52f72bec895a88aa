# __reduce__ of zip (and __setstate__ of its strict flag), map, filter, enumerate, so
# copy.copy works on them; map/filter/zip/enumerate are subclassable (super().__next__()
# reads the payload, not the override); two builtin layouts in one class are refused.
import copy
z = zip([1, 2], [3, 4]); z.__setstate__(1); r = z.__reduce__(); print(r[0], len(r[1]), r[2:])
z.__setstate__(0); print(len(z.__reduce__()))
z2 = zip([1], [2, 3], strict=True); print(z2.__reduce__()[2:])
z2.__setstate__(False); print(list(z2))
e = enumerate("abc", 5); next(e); r = e.__reduce__(); print(r[0], r[1][1], list(copy.copy(e)), list(e))
f = filter(None, [0, 1, 2]); r = f.__reduce__(); print(r[0], r[1][0], list(copy.copy(f)))
m = map(abs, [-1, -2], [1, 2]) if False else map(abs, [-1, -2]); r = m.__reduce__(); print(r[0], r[1][0], list(copy.copy(m)))
print(list(copy.copy(zip([1, 2], "ab"))))
zs = copy.copy(zip([1], [2, 3], strict=True))
try:
    list(zs)
except ValueError as x:
    print("ValueError", x)
class Z(zip):
    pass
print(Z([1], [2]).__reduce__()[0].__name__)
class M(map):
    def __next__(self):
        return super().__next__() * 10
print(list(M(abs, [-1, 2])), type(M(abs, [])).__name__)
class F(filter):
    pass
f2 = F(None, [0, 3]); f2.tag = "t"; print(list(f2), f2.tag, isinstance(f2, filter))
class E(enumerate):
    def __init__(self, it, start=0):
        self.seen = start
print(list(E("ab", 3)), E("x").seen)
class Z2(zip):
    def __new__(cls, *a):
        return super().__new__(cls, *a, strict=True)
try:
    list(Z2([1], [2, 3]))
except ValueError as x:
    print("ValueError", x)
try:
    class Bad(map, zip):
        pass
except TypeError as x:
    print("TypeError", x)
