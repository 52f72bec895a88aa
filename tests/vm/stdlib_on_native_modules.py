# CPython's pure-Python collections, functools, contextlib, reprlib and importlib.util running on the native _abc, _collections, _functools, _operator, itertools, _thread.
import collections, functools, contextlib, reprlib, itertools, collections.abc
from collections import namedtuple, Counter, OrderedDict, ChainMap, deque, defaultdict, UserDict, UserList
P = namedtuple('P', 'x y', defaults=[0])
p = P(1); print(p, p._replace(y=5), p._asdict(), P._fields, P.x.__doc__, type(P.x).__name__, P._make([3, 4]))
c = Counter('abracadabra'); print(c.most_common(3), c['z'], sorted(c.elements())[:4], c + Counter('aaz'), c - Counter('a'), (c & Counter('ab')), c.total())
od = OrderedDict(a=1, b=2); od.move_to_end('a'); print(od, list(reversed(od)), od.popitem(last=False))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), cm.new_child({'z': 0}))
print(isinstance(deque(), collections.abc.MutableSequence), isinstance(defaultdict(), collections.abc.Mapping))
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(60), fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(x): return x * x
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info())
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def named(a): "doc"; return a
print(named.__name__, named.__doc__, named.__wrapped__.__name__, named(5))
class CP:
    @functools.cached_property
    def x(self): print('computing'); return 42
o = CP(); print(o.x, o.x)
class PM:
    def f(self, a, b): return a, b
    g = functools.partialmethod(f, 1)
print(PM().g(2), functools.reduce(lambda a, b: a + b, [1, 2, 3]))
@contextlib.contextmanager
def cm1(x):
    print('enter', x); yield x * 2; print('exit', x)
with cm1(3) as v: print('body', v)
with contextlib.suppress(KeyError): {}['a']
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100))
class R:
    @reprlib.recursive_repr()
    def __repr__(self): return f'R({self.l})'
r = R(); r.l = [r]; print(repr(r))
print(list(itertools.accumulate([1, 2, 3], initial=0)), functools.cmp_to_key)
print(UserList([1, 2]) + [3], UserDict(a=1))
import importlib.util
print(importlib.util.find_spec('json').name, importlib.util.resolve_name('.x', 'pkg'))
