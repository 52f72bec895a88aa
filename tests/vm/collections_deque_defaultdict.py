# _collections: deque (maxlen, rotation, mutation checks, reprs, subclassing), defaultdict, _count_elements, _tuplegetter.
from _collections import deque, defaultdict
d=deque([1,2,3], maxlen=5); print(repr(d), repr(deque()), repr(deque([1])), d.maxlen, deque().maxlen)
for t in ['deque([],-1)','deque([],"a")','deque().pop()','deque().popleft()','deque([1]).index(2)','deque([1]).remove(2)','deque([1])[5]','deque([1])["a"]','deque([1],1).insert(0,2)','deque()+[1]','deque([1]).index(1,"a")','deque([1]).rotate("a")','deque([1])*"a"','defaultdict(1)','defaultdict()[1]', 'deque([1,2]).index(2, 0, 1)', 'deque().__class_getitem__(int)','deque[int]','defaultdict[int,str]','deque(maxlen=2.0)', 'deque(1,2,3)', 'deque(x=1)']:
    try: r=eval(t); print(t,'OK',r)
    except Exception as e: print(t,type(e).__name__,e)
d=deque(); d.append(d); print(d)
d=deque([1,2,3])
try:
    for x in d: d.append(1)
except RuntimeError as e: print(e)
dd=defaultdict(list); dd[1].append(2); print(dd, repr(defaultdict()), dd.copy(), dd|{3:4}, {3:4}|dd, type({3:4}|dd).__name__)
class DD(defaultdict): pass
print(DD(int), dd.default_factory, DD(int).copy(), type(DD(int).copy()).__name__)
print(deque([1,2,3], 2), deque('abc')[-1], list(reversed(deque('abc'))), deque('ab')==deque('ab'), deque('ab')<deque('b'), deque('ab')*2, deque('ab',3)*2)
print(deque([1]).__copy__(), deque([1], 3).copy())
e=defaultdict(lambda: 5); e[1]; print(len(e), e[1])
dd=defaultdict(); dd.default_factory=dd; print(dd)
print(defaultdict(None, {1:2}, a=3), defaultdict(int, [(1,2)]))
d = deque(range(10))
d.rotate(3); print(d); d.rotate(-5); print(d); d.reverse(); print(d)
d.extendleft('abc'); print(d); d.insert(2, 'X'); d.insert(-1, 'Y'); d.insert(100, 'Z'); print(d)
del d[0]; d[1] = 'q'; print(d, len(d), 'q' in d, 'zz' in d, d.count(5), d.index(5), d.index(5, -8))
d.remove(5); print(d.pop(), d.popleft(), d)
d += [1, 2]; d *= 2; print(d); d.clear(); print(d, bool(d))
b = deque(maxlen=3)
for i in range(6): b.append(i)
print(b); b.appendleft(-1); print(b); b.extend(b); print(b)
z = deque(maxlen=0); z.append(1); print(z)
print(deque('abc') != deque('abc'), deque('abc') >= deque('abd'), deque([1]) == [1])
class MyDeque(deque):
    def __repr__(self): return 'MyDeque!' + super().__repr__()
m = MyDeque([1, 2], 4); print(m, m.copy(), type(m.copy()).__name__, type(m + m).__name__, m * 2)
m.x = 5; print(m.x, m.__dict__)
try: deque().x = 1
except AttributeError as e: print('AttributeError')
it = iter(deque([1, 2, 3])); print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
d = deque([1,2]); it = iter(d); d.append(3)
try: next(it)
except RuntimeError as e: print(e)
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
class C:
    copy = staticmethod(lambda x: x.__copy__())
    deepcopy = staticmethod(lambda x: deque([list(y) for y in x]))
print(C.copy(deque([1, 2], 5)), C.deepcopy(deque([[1]])), C.copy(defaultdict(int, {1: 2})))
try: hash(deque())
except TypeError as e: print('unhashable')
class K:
    def __eq__(self, o): d2.clear(); return False
d2 = deque([K(), K()])
try: d2.index(3)
except RuntimeError as e: print(e)
dd = defaultdict(int); dd['a'] += 1; print(dd, dd.__missing__('b'), dd)
try: defaultdict().__missing__(1)
except KeyError as e: print('KeyError', e)
try: dd.__dict__
except AttributeError: print('no __dict__')
from _collections import _count_elements
c = {}; _count_elements(c, 'abracadabra'); print(c)
print(deque[int], defaultdict[str, int])
from _collections import _tuplegetter
class P(tuple):
    x = _tuplegetter(0, 'the x')
    y = _tuplegetter(1, None)
p = P((3, 4)); print(p.x, p.y, P.x.__doc__, P.y.__doc__, type(P.x).__name__)
P.x.__doc__ = 'changed'; print(P.x.__doc__)
try: p.x = 1
except AttributeError as e: print(e)
try: P.x.__get__([1])
except TypeError as e: print(e)
try: P((1,)).y
except IndexError as e: print(e)
print(deque('ab') * -1, deque('abc', 2) * 3, deque('abc', 5) * 3, deque() * 5)
big = deque(range(3), maxlen=4); big *= 10**6; print(big)
