# reversed() of a dict and of its views: dict_reverse*iterator, size-change errors,
# length hints, deletions during iteration.
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), type(reversed(d)).__name__, type(d.__reversed__()).__name__)
for v in (d.keys(), d.values(), d.items()):
    r = reversed(v)
    print(type(r).__name__, list(r), repr(v), type(v.__reversed__()).__name__, iter(r) is r)
it = reversed(d)
d["x"] = 9
try:
    next(it)
except RuntimeError as e:
    print(e)
try:
    next(it)
except RuntimeError as e:
    print("again:", e)
it = reversed(d.values())
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(list(reversed({})), list(reversed({}.items())), list(reversed({}.values())))
e = {i: i * i for i in range(10)}
for k in [0, 3, 9, 5]:
    del e[k]
print(list(reversed(e)), list(reversed(e.items())))
it = reversed(e)
print(next(it), next(it))
e[100] = 1
del e[100]
print(list(it) if False else "changed-and-restored")
class D(dict):
    pass
print(list(reversed(D(a=1, b=2))), list(reversed(D(a=1, b=2).keys())))
import operator
print(operator.length_hint(reversed(d)), operator.length_hint(reversed(d.items())))
try:
    dict.__reversed__([])
except TypeError as e:
    print(e)
try:
    type({}.keys()).__reversed__([])
except TypeError as e:
    print(e)
r = reversed(d.items())
print(next(r), type(next(r)).__name__)
