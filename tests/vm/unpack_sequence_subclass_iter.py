# UNPACK_SEQUENCE reads exact tuples and lists directly; subclasses that override
# __iter__ are unpacked through it (CPython checks PyTuple_CheckExact / PyList_CheckExact).
class T(tuple):
    def __iter__(self):
        return iter(("it", "er"))


class L(list):
    def __iter__(self):
        return iter([7, 8, 9])


a, b = T((1, 2))
print(a, b)
x, y, z = L([1, 2, 3])
print(x, y, z)
try:
    p, q = T((1, 2, 3))
    print(p, q)
except ValueError as e:
    print("ValueError", e)
for i, (n, m) in enumerate([(1, 2), T((3, 4)), [5, 6]]):
    print(i, n, m)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = (1,)
except ValueError as e:
    print("ValueError", e)
t = (1, [2], "3")
a, b, c = t
b.append(4)
print(t, a, b, c)
