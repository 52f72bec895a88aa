# copy.copy / copy.deepcopy of builtin objects as in CPython (via __reduce_ex__ where the
# copy module has no dispatch entry: bytearray, exceptions with attributes, OSError).
import copy
class K:
    def __init__(self): self.a = [1]
values = [1, -5, 2**100, 1.5, float('inf'), 1+2j, True, None, 'abc', b'xy', bytearray(b'q'),
          (1, [2]), [1, [2]], {'a': [1]}, {1, 2}, frozenset({3}), range(1, 9, 2), slice(1, 5, 2),
          Ellipsis, NotImplemented, int, len, K(), ValueError('e', 2), OSError(2, 'x', 'f'),
          StopIteration(4), KeyError('k'), SystemExit(3), ImportError('m', name='n'),
          {}.keys, property(len), memoryview, type, object(), copy]
for v in values:
    for f in (copy.copy, copy.deepcopy):
        try:
            c = f(v)
            r = repr(c) if not isinstance(c, (K, object().__class__)) or type(c) in (int, str) else type(c).__name__
            if type(v) is object or isinstance(v, K):
                r = type(c).__name__
            if isinstance(v, BaseException):
                r = (type(c).__name__, c.args, str(c))
            print(f.__name__, type(v).__name__, r if not callable(c) or isinstance(c, type) else type(c).__name__, c is v)
        except Exception as e:
            print(f.__name__, type(v).__name__, 'ERR', type(e).__name__, e)
k = copy.deepcopy(K()); print(k.a)
e = copy.deepcopy(OSError(2, 'x', 'f')); print(e.errno, e.strerror, e.filename, type(e).__name__)
print(copy.copy(ImportError('m', name='n')).name)
print(bytearray(b'q\xff').__reduce_ex__(2), bytearray(b'q').__reduce_ex__(4), bytearray(b'q').__reduce__())
class B(bytearray):
    pass
b = B(b'x')
b.k = 1
print(b.__reduce_ex__(4), copy.deepcopy(b).k, type(copy.deepcopy(b)).__name__)
print(OSError(2, 'x', 'f').__reduce__(), OSError(1, 'y').__reduce__())
