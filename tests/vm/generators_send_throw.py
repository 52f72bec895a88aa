def acc():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            print("caught", e)
            x = 0
        if x is None:
            break
        total += x
    return total
g = acc()
print(next(g), g.send(5), g.send(10), g.throw(ValueError("bad")), g.send(1))
try:
    g.send(None)
except StopIteration as s:
    print("returned", s.value)
def closing():
    try:
        yield 1
    finally:
        print("cleanup")
c = closing(); next(c); c.close(); print("closed")
def inner():
    r = yield "i"
    return r * 2
def outer():
    v = yield from inner()
    yield v
o = outer(); print(next(o), o.send(21))
