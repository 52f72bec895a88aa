# gen.__del__() (tp_finalize, _PyGen_Finalize): what dropping a generator runs — a
# suspended generator is closed (finally blocks run), errors go to sys.unraisablehook.
import sys


def hook(u):
    print('unraisable:', type(u.exc_value).__name__, u.exc_value, type(u.object).__name__)


sys.unraisablehook = hook


def g():
    try:
        yield 1
    finally:
        print('fin')


x = g()
next(x)
print(x.__del__())
print(x.gi_frame, x.gi_suspended)
x.__del__()
print(list(x))
y = g()
print(y.__del__(), list(y))
print(type(x).__del__)


def bad():
    try:
        yield 1
    finally:
        yield 2


b = bad()
next(b)
b.__del__()
print('after bad')


def running():
    me.__del__()
    yield 1


me = running()
next(me)
print('after running')
try:
    x.__del__(1)
except TypeError as e:
    print(e)


async def ag():
    try:
        yield 1
    finally:
        print('ag fin')


a = ag()
print(type(a).__del__, a.__del__())


async def co():
    return 1


c = co()
print(type(c).__del__)
c.close()
print(c.__del__())
