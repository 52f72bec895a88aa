def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, d=8, e=9))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
print((lambda *a, **k: (a, k))(1, 2, x=3))
args = (1, 2)
kwargs = {"z": 3}
print(g(*args, **kwargs))
def h(items=[]):
    items.append(1)
    return len(items)
print(h(), h(), h([]))
