# obj.__dict__ = d: the instance's dict is replaced (CPython's PyObject_GenericSetDict).
import types


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class A:
    pass


a = A()
a.x = 1
d = {'y': 2}
a.__dict__ = d
print(a.__dict__ is d, vars(a), getattr(a, 'x', None), getattr(a, 'y', None))
a.z = 3
print(d, '__dict__' in d)
d['w'] = 4
print(a.w, sorted(vars(a)))
del a.y
print(d)

# Errors: non-dict, deletion.
show('list', lambda: setattr(a, '__dict__', [1]))
show('none', lambda: setattr(a, '__dict__', None))
show('del', lambda: delattr(a, '__dict__'))
print(a.__dict__ is d, vars(a))
a.after_del = 1
print(vars(a))


# A dict subclass as the new dict: attribute access bypasses its methods.
class LoudDict(dict):
    def __getitem__(self, k):
        return 'loud'


ld = LoudDict(q=5)
a.__dict__ = ld
print(type(a.__dict__).__name__, a.q, a.__dict__ is ld)
a.r = 6
print(sorted(ld.items()))


# The AttrDict idiom: a dict subclass that is its own __dict__.
class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.__dict__ = self


ad = AttrDict(a=1, b=2)
print(ad.a, ad.b, ad.__dict__ is ad)
ad.c = 3
print(sorted(ad.items()), ad['c'])
ad['d'] = 4
print(ad.d)


# Swapping the dict inside a loop of attribute reads and writes (inline caches).
class P:
    def __init__(self, x):
        self.x = x


p = P(0)
dicts = [{'x': i, 'pad%d' % i: i} for i in range(5)]
seen = []
for i in range(20):
    seen.append(p.x)
    p.__dict__ = dicts[i % 5] if i % 3 else {'other': 1, 'x': -i}
print(seen)
q = P(0)
for i in range(10):
    q.x = i
    if i % 4 == 0:
        q.__dict__ = {'a': 1, 'b': 2, 'x': 0}
    q.y = i
print(vars(q))


class M:
    def meth(self):
        return 'method'


m = M()
out = []
for i in range(6):
    out.append(m.meth() if not callable(m.__dict__.get('meth')) else m.meth())
    m.__dict__ = {'meth': (lambda: 'shadow')} if i % 2 == 0 else {}
print(out)


# __slots__ with __dict__.
class S:
    __slots__ = ('s', '__dict__')


s = S()
s.s = 1
s.t = 2
s.__dict__ = {'u': 3}
print(s.s, getattr(s, 't', None), s.u, vars(s))
s.v = 4
print(vars(s), s.s)


class SubS(S):
    pass


ss = SubS()
ss.__dict__ = {'k': 1}
ss.s = 9
print(vars(ss), ss.k, ss.s)


class OnlySlots:
    __slots__ = ('a',)


show('slots only', lambda: setattr(OnlySlots(), '__dict__', {}))


# Subclasses of builtins.
class D(dict):
    pass


dd = D(one=1)
dd.attr = 'old'
dd.__dict__ = {'attr': 'new'}
print(dd.attr, dict(dd), vars(dd))


class E(Exception):
    pass


e = E('msg')
e.note = 1
e.__dict__ = {'note': 2}
print(e.note, e.args, vars(e))


class L(list):
    pass


lst = L([1])
lst.__dict__ = {'z': 26}
print(lst.z, lst)

# Functions and modules.
def f():
    pass


fd = {'attr': 1}
f.__dict__ = fd
print(f.attr, f.__dict__ is fd)
show('func del', lambda: delattr(f, '__dict__'))
show('func list', lambda: setattr(f, '__dict__', []))
mod = types.ModuleType('m')
show('module', lambda: setattr(mod, '__dict__', {}))
show('module del', lambda: delattr(mod, '__dict__'))
show('object', lambda: setattr(object(), '__dict__', {}))

# Types: __dict__ is read-only.
show('type', lambda: setattr(A, '__dict__', {}))

# SimpleNamespace.
ns = types.SimpleNamespace()
ns.a = 1
show('namespace', lambda: setattr(ns, '__dict__', {'b': 2}))
print(ns)

# Old dict stays alive and independent.
b = A()
b.x = 1
old = b.__dict__
b.__dict__ = {}
b.x = 2
print(old, vars(b))

# A __del__ on a value of the old dict sees the new dict.
class Fin:
    def __init__(self, owner):
        self.owner = owner

    def __del__(self):
        print('fin sees', sorted(vars(self.owner)))


c = A()
c.fin = Fin(c)
c.__dict__ = {'new': 1}
print('after', vars(c))

# Through object.__setattr__ from a __setattr__ hook, and one dict shared by two instances.
class Hooked:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v)


h1, h2 = Hooked(), Hooked()
shared = {'s': 0}
h1.__dict__ = shared
h2.__dict__ = shared
h1.s += 1
h2.s += 10
print(shared, h1.s, h2.s, vars(h1) is vars(h2))


# A long chain through replaced dicts is freed without deep recursion trouble.
class Node:
    pass


head = Node()
cur = head
for i in range(1000):
    nxt = Node()
    cur.__dict__ = {'next': nxt, 'i': i}
    cur = nxt
n, count = head, 0
while hasattr(n, 'next'):
    n, count = n.next, count + 1
print(count)
del head, cur, n, nxt
print('freed')
