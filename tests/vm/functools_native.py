# _functools: reduce, cmp_to_key (KeyWrapper comparisons), partial (flattening, keyword merging, repr, __dict__, subclass).
import _functools as F
def f(*a, **k): return a, k
p = F.partial(f, 1, a=2); print(repr(p).split(' at')[0], p(3, b=4), p.func is f, p.args, p.keywords)
print(p(a=5))
q = F.partial(p, 5, c=6); print(q.args, q.keywords, q.func is f)
for t in ['F.partial()', 'F.partial(1)', 'F.reduce(len)', 'F.reduce(len, 1)', 'F.reduce(lambda a,b:a+b, [])', 'F.cmp_to_key()', 'F.reduce(f, [], 1, 2)', 'F.reduce(function=f, iterable=[1])']:
    try: print(t, eval(t))
    except Exception as e: print(t, type(e).__name__, e)
p.x = 3; print(p.__dict__)
class P(F.partial): pass
print(repr(P(f, 1)).split(' at')[0], type(F.partial(P(f,1))).__name__, F.partial(P(f, 1)).args)
K = F.cmp_to_key(lambda a, b: a - b); k = K(3); print(type(K).__name__, k.obj, k < K(4), k == K(3), k >= K(5), sorted([3,1,2], key=K))
try: k < 3
except TypeError as e: print(e)
try: hash(k)
except TypeError as e: print('unhashable')
print(F.reduce(lambda a,b:a*b, range(1,6)), F.reduce(lambda a,b:a+b, [], 7), F.partial(f, x=1)(x=2))
r = F.partial(f); r.__dict__['z']=1; print(F.partial(r, 1).func is r)
print(F.partial.__module__, F.partial.__name__, F.partial[int])
p2 = F.partial(f); p2.x = p2
print(repr(F.partial(f, 'a', k='v')).split(' at')[0], callable(p2), F.partial(print, end='!\n')('hi'))
rec = F.partial(f); 
print(F.reduce(lambda acc, x: acc + [x], 'abc', []))
print(sorted(['b', 'A', 'c'], key=F.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
