a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
first, *_, last = range(10)
print(first, last)
print(*[1, 2], *"ab", sep="-")
print({**{"a": 1}, "b": 2, **{"a": 3}}, [*range(3), *(4,)], {*"ab", *"bc"} == {"a", "b", "c"})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, **{"x": 1}, y=2))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    f(**{"x": 1}, x=2)
except TypeError as e:
    print(e)
