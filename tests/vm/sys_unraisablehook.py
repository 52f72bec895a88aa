# sys.unraisablehook / sys.__unraisablehook__ / UnraisableHookArgs, and the default hook's report (no chained exceptions or notes; module-qualified type; nothing when sys.stderr is None).
import sys
print(sys.unraisablehook, sys.__unraisablehook__, sys.unraisablehook is sys.__unraisablehook__)
class D:
    def __del__(self): raise ValueError('x')
def hook(a):
    print(type(a).__name__, type(a).__module__, a.exc_type, a.exc_value, a.exc_traceback is not None, a.err_msg, a.object, len(a), a[0] is a.exc_type)
sys.unraisablehook = hook
D()
def g():
    try:
        yield 1
    finally:
        raise KeyError('in finally')
x = g(); next(x)
del x
print('hooked')
sys.unraisablehook = 5
D()
print('after non-callable hook')
def hook2(a): raise TypeError('in hook')
sys.unraisablehook = hook2
D()
print('after failing hook')
del sys.unraisablehook
D()
print('after deleted hook')
sys.unraisablehook = sys.__unraisablehook__
D()
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print('TypeError', e)
try:
    sys.__unraisablehook__()
except TypeError as e:
    print('TypeError', e)
print('end')
sys.unraisablehook = sys.__unraisablehook__
class E(Exception): pass
class M:
    class Inner(Exception): pass
class I:
    def __del__(self): raise M.Inner("qualname")
I()
class D:
    def __del__(self):
        try:
            1/0
        except ZeroDivisionError:
            raise E('chained')
D()
class F:
    def __del__(self):
        e = ValueError('noted'); e.add_note('a note'); raise e
F()
class G:
    def __del__(self): raise E
G()
class H:
    def __del__(self): raise ExceptionGroup('eg', [ValueError(1)])
H()
sys.stderr = None
D()
print("ok")
