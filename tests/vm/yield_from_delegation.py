def inner():
    x = yield "i1"
    print("inner got", x)
    try:
        yield "i2"
    except KeyError:
        print("inner caught KeyError")
        yield "i3"
    return "inner-result"
def outer():
    r = yield from inner()
    print("result", r)
    yield "o-end"
g = outer()
print(next(g), g.send("S"), g.throw(KeyError), next(g))
def chain(*its):
    for i in its:
        yield from i
print(list(chain([1, 2], "ab", range(2))))
def closes():
    try:
        yield 1
    finally:
        print("inner closed")
def deleg(): yield from closes()
d = deleg(); next(d); d.close()
def yf_iter(): return (yield from iter([1, 2]))
print(list(yf_iter()))
