# types.MethodType(function, instance): a bound method of any callable, with
# CPython's argument errors (contextlib.ExitStack builds its callbacks this way).
import types


class A:
    pass


def f(self, x):
    return (type(self).__name__, x)


a = A()
m = types.MethodType(f, a)
print(m(1), m.__self__ is a, m.__func__ is f, type(m) is types.MethodType)
print(types.MethodType(len, 'abc')())
print(types.MethodType(A, 5).__self__)
for args, kw in [((), {}), ((print,), {}), ((print, None), {}), ((1, 2), {}),
                 ((print, 1), {'x': 1}), ((print, 1, 2), {})]:
    try:
        types.MethodType(*args, **kw)
    except TypeError as e:
        print('TypeError', e)

import contextlib


class Res:
    def __init__(self, name):
        self.name = name

    def close(self, tag):
        print('closing', self.name, tag)


with contextlib.ExitStack() as stack:
    for n in ('one', 'two'):
        stack.callback(Res(n).close, 'cb')
    stack.push(lambda *exc: print('push saw', exc[0]))
    print('in body')
print('done')
