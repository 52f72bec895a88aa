# Names scripts/audit_dir.py found missing from builtin types: each with its behaviour.
import types
import weakref


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)


# mappingproxy.__ior__: `|=` is refused (the name is not rebound to a new dict).
mp = types.MappingProxyType({'a': 1})
try:
    mp |= {'b': 2}
except TypeError as e:
    print(e)
print(mp, type(mp).__name__)
attempt('ior call', lambda: mp.__ior__({'b': 2}))
attempt('ior unbound', lambda: types.MappingProxyType.__ior__(mp, 5))
x = {'z': 0}
x |= mp
print(x, mp | {'q': 1}, {'q': 1} | mp)
print('__ior__' in dir(mp))

# SimpleNamespace.__dict__: a read-only member descriptor.
ns = types.SimpleNamespace(a=1)
print(ns.__dict__, type(ns).__dict__['__dict__'], '__dict__' in dir(ns))
print(types.SimpleNamespace.__dict__['__dict__'].__get__(ns))


def set_dict():
    ns.__dict__ = {}


def del_dict():
    del ns.__dict__


attempt('set __dict__', set_dict)
attempt('del __dict__', del_dict)
ns.b = 2
print(ns, vars(ns))


class S(types.SimpleNamespace):
    pass


s = S(x=1)
print(s.__dict__, s)

# bytearray.__alloc__: room for the data and a trailing NUL, 0 before any allocation.
print(bytearray().__alloc__())
for data in [b'a', b'abc', b'x' * 100]:
    ba = bytearray(data)
    print(len(ba), ba.__alloc__() >= len(ba) + 1)
ba = bytearray()
for i in range(50):
    ba.append(i)
    assert ba.__alloc__() >= len(ba) + 1
print('grows ok')
attempt('alloc arg', lambda: bytearray().__alloc__(5))
attempt('alloc kw', lambda: bytearray().__alloc__(x=5))

# ExceptionGroup is a heap type in CPython: __module__ in its dict, __weakref__.
e = ExceptionGroup('a', [ValueError()])
print(e.__weakref__, ExceptionGroup.__module__, ExceptionGroup.__weakref__)
print('__weakref__' in ExceptionGroup.__dict__, '__module__' in ExceptionGroup.__dict__)
print('__weakref__' in BaseExceptionGroup.__dict__)
r2 = weakref.ref(e, lambda x: 0)
r = weakref.ref(e)
print(e.__weakref__ is weakref.getweakrefs(e)[0], len(weakref.getweakrefs(e)))


class X(ExceptionGroup):
    pass


xg = X('b', [ValueError()])
rx = weakref.ref(xg)
print(xg.__weakref__ is rx, X.__module__)
attempt('ValueError().__weakref__', lambda: ValueError().__weakref__)
attempt('weakref to ValueError', lambda: weakref.ref(ValueError()))
attempt('descriptor on ValueError', lambda: ExceptionGroup.__weakref__.__get__(ValueError()))


def set_weakref():
    e.__weakref__ = 5


attempt('set __weakref__', set_weakref)
del e
print(r(), r2())
print(sorted(set(dir(ExceptionGroup)) - set(dir(BaseExceptionGroup))))
