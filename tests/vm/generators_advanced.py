def gen():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except KeyError as e:
        print("thrown", repr(e))
        yield "recovered"
g = gen()
print(next(g), g.send("hello"), g.throw(KeyError("k")))
def inner():
    yield 1
    yield 2
    return "inner-done"
def outer():
    result = yield from inner()
    print("result", result)
    yield 3
print(list(outer()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(type(f).__name__, f.__name__)
