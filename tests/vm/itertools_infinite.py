# itertools.count, cycle, repeat: values, reprs, __length_hint__, big-int overflow of count.
import itertools as it
from itertools import *
def show(x, n=20):
    try:
        print(list(islice(x, n)))
    except Exception as e:
        print(type(e).__name__, e)
print(repr(count()), repr(count(3,1)), repr(count(3,1.0)), repr(count(2.5)), repr(count(1,-1)))
c = count(3, 2); next(c); print(repr(c))
show(count(10), 5); show(count(1.5, 0.5), 4); show(count(2**63-2), 4); show(count(1j, 1), 3)
show(cycle('abc'), 7); show(cycle([]), 3)
print(repr(repeat('a')), repr(repeat(1, 3)), repr(repeat(1, -3)))
r = repeat(7, 3); print(r.__length_hint__(), list(r), r.__length_hint__())
try: repeat(1).__length_hint__()
except TypeError as e: print(e)
