for f in [lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (2,), lambda: len(5), lambda: 5(), lambda: None[0], lambda: {}[[]], lambda: [] < 3]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
try:
    for x in 5: pass
except TypeError as e:
    print(e)
try:
    a, b = 1
except TypeError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
