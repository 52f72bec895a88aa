# types.UnionType: |, flattening and deduplication, ==/hash as sets, no len/iter/index.
import types
u = int | str
print(u, type(u), u.__args__, u.__parameters__, u.__module__, type(u).__name__)
print(u == (str | int), u != (int | float), hash(u) == hash(str | int), u == int, u == (int,))
print(list[int] | list[int], type(list[int] | list[int]).__name__, list[int] | list[str])
print(int | list[int] | int, int | None | None, (int | str) | (str | float), None | int)
print(u.__or__(3), u.__ror__(float), type(u).__or__(u, bytes), bool | int)
print(isinstance(1, int | str), isinstance(1.0, int | str), issubclass(bool, int | str))
print(isinstance(None, int | None), isinstance([], list | dict), isinstance(1, (str, int | None)))
for f in (len, iter, lambda x: x[0], lambda x: int in x):
    try:
        f(u)
    except TypeError as e:
        print(e)
try:
    int | 3
except TypeError as e:
    print(e)
try:
    types.UnionType()
except TypeError as e:
    print(e)
print(sorted(types.UnionType.__dict__))
print({int | str: 1}[str | int], repr(int | types.SimpleNamespace))
# unions of aliases of unions: hashing and comparing stay linear in the members (sets keep
# their members' hashes), as CPython's
def build(n):
    y = int
    for i in range(n):
        y = y | list[y]
    return y
y, y2 = build(14), build(14)
print(len(repr(y)), len(y.__args__), y == y2, hash(y) == hash(y2), y == build(13))
try:
    type("C", (list[int],), {})
except TypeError as e:
    print(e)
