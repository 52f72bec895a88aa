# __length_hint__ of the builtin iterators; range.__reversed__/__reduce__, slice.__reduce__.
def hints(it, steps):
    out = [it.__length_hint__()]
    for _ in range(steps):
        next(it, None)
        out.append(it.__length_hint__())
    return out
print(hints(iter([1, 2, 3]), 4), hints(iter((1, 2)), 3), hints(iter('abc'), 4), hints(iter(b'ab'), 3))
print(hints(iter(range(0, 10, 3)), 5), hints(iter(range(10, 0, -4)), 4), hints(reversed(range(5)), 6))
print(hints(iter({1: 2, 3: 4}), 3), hints(iter({1: 2}.values()), 2), hints(iter({1: 2}.items()), 2), hints(iter({5, 6}), 3))
print(hints(reversed([1, 2, 3]), 4), hints(iter(bytearray(b'xyz')), 2))
big = iter(range(10**20))
print(big.__length_hint__(), next(big), big.__length_hint__())
l = [1, 2, 3]; it = iter(l); next(it); l.clear(); print(it.__length_hint__())
l = [1, 2, 3]; it = reversed(l); next(it); l.clear(); print(it.__length_hint__())
d = {1: 2}; it = iter(d); d[3] = 4; print(it.__length_hint__())
print(list(range(3).__reversed__()), list(range(10**20, 10**20 + 3).__reversed__()), range(1, 5, 2).__reduce__(), range(10**20).__reduce__())
print(slice(1, 2).__reduce__(), slice(None).__reduce__(), slice('a', [], 3).__reduce__())
for f in [lambda: range(3).__reversed__(1), lambda: range(3).__reduce__(1)]:
    try: f()
    except TypeError as e: print(e)
