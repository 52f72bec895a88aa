# itertools.groupby (groupers invalidated by advancing the parent) and tee (shared buffer across links of 57 values).
import itertools as it
from itertools import *
def show(x, n=20):
    try:
        print(list(islice(x, n)))
    except Exception as e:
        print(type(e).__name__, e)
for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g))
print([(k, len(list(g))) for k, g in groupby([1,1,2,3,3,3], key=lambda x: x % 2)])
gb = groupby('aabbc'); k1, g1 = next(gb); k2, g2 = next(gb); print(k1, list(g1), k2, list(g2))
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee(iter('hello'), 3); print(next(a), next(a), list(b), list(a), list(c))
print(tee([], 0), type(tee([])[0]).__name__)
a, b = tee(range(200)); print(sum(a), sum(b))
t1, = tee('ab', 1); t2 = t1.__copy__(); print(list(t1), list(t2))
# A tee copy left far behind keeps its values; re-entering a tee from its own source.
a, b = tee(range(100000)); print(sum(a), next(b), sum(b))
def src():
    yield 1
    yield next(t)
t, u = tee(src())
print(next(t))
try: next(t)
except RuntimeError as e: print(e)
# Re-entering a groupby key function.
def key(x):
    return x // 2
g = groupby(range(7), key)
print([(k, list(v)) for k, v in g])
