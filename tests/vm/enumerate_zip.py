print(list(enumerate("abc")), list(enumerate("abc", 10)))
print(list(zip([1, 2], "ab", (True, False))))
print(list(zip([1, 2, 3], "ab")))
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], "ab", strict=True))
except ValueError as e:
    print(e)
print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(reversed("ab")))
e = enumerate("xy")
print(next(e), next(e))
print(type(zip()).__name__, type(map(str, [])).__name__)
