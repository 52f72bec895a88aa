for src in [(1, 2, 3), (1,), [], "ab", range(5)]:
    try:
        a, b = src
        print("ok", a, b)
    except ValueError as e:
        print(e)
try:
    a, *b, c = (1,)
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
a, *b, c = range(6)
print(a, b, c)
(a, b), c = "xy", 3
print(a, b, c)
first, *_ = "hello"
print(first, _)
