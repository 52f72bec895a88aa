f = lambda a, b=2, *c, d, e=5, **g: (a, b, c, d, e, g)
print(f(1, d=4), f(1, 2, 3, d=4, z=0))
def pos_only(a, b, /, c):
    return a, b, c
print(pos_only(1, 2, c=3))
try:
    pos_only(a=1, b=2, c=3)
except TypeError as e:
    print(e)
def kw(*, x):
    return x
try:
    kw(1)
except TypeError as e:
    print(e)
try:
    kw()
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)
