# _weakref: ref (shared basic refs, callbacks, hash, eq, repr), proxy, getweakrefcount,
# getweakrefs, _remove_dead_weakref; objects die when their last strong reference goes.
import _weakref


class C:
    def __init__(self, name):
        self.name = name

    def method(self):
        return 'method of ' + self.name


c = C('c')
r = _weakref.ref(c)
print(r() is c, r.__callback__, _weakref.ref(c) is r, _weakref.getweakrefcount(c))
print(repr(r).startswith('<weakref at 0x'), "to 'C' at" in repr(r))
print(hash(r) == hash(c), r == _weakref.ref(c))
log = []
r2 = _weakref.ref(c, lambda w: log.append(('cb', w is r2, w())))
print(r2 is r, _weakref.getweakrefcount(c), len(_weakref.getweakrefs(c)))
p = _weakref.proxy(c)
print(p.name, p.method(), type(p).__name__, _weakref.getweakrefcount(c))
p.extra = 5
print(c.extra)
del c
print(log, r(), repr(r).endswith('; dead>'))
try:
    p.name
except ReferenceError as e:
    print('ReferenceError:', e)
try:
    _weakref.ref(1)
except TypeError as e:
    print(e)
try:
    _weakref.ref([])
except TypeError as e:
    print(e)


def f():
    return 'f called'


fp = _weakref.proxy(f)
print(type(fp).__name__, fp())
d = {}
k = C('k')
d['x'] = _weakref.ref(k)
_weakref._remove_dead_weakref(d, 'x')
print(list(d))
del k
_weakref._remove_dead_weakref(d, 'x')
print(list(d))
print(_weakref.ReferenceType is _weakref.ref, _weakref.ProxyType, _weakref.CallableProxyType)


class Node:
    pass


n = Node()
refs = []
for i in range(3):
    refs.append(_weakref.ref(n, lambda w, i=i: print('callback', i)))
del n
print('after del')
lst = [1, 2]
holder = C('h')
ph = _weakref.proxy(holder)
print(len(_weakref.getweakrefs(holder)), bool(ph), str(ph)[:9] == '<__main__')
import weakref
ws = weakref.WeakSet()
a, b = C('a'), C('b')
ws.add(a); ws.add(b)
print(len(ws), a in ws)
del a
print(len(ws))
wd = weakref.WeakValueDictionary()
x = C('x')
wd['x'] = x
print(list(wd.keys()))
del x
print(list(wd.keys()))
