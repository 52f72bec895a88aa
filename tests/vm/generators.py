def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count(4)), sum(count(10)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def echo():
    got = None
    while True:
        got = yield got
        if got == "stop":
            return
e = echo(); next(e)
print(e.send(1), e.send("two"))
def deleg():
    r = yield from count(3)
    yield r
print(list(deleg()))
print(list(x * 2 for x in range(4)), max(x for x in [3, 9, 2]))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = fin(); print(next(g)); g.close()
