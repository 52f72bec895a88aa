import sys
def f(a, b=2):
    c = a + b
    print(sys._getframe().f_code.co_name, sys._getframe().f_lineno, sys._getframe(0).f_back.f_code.co_name)
    fr = sys._getframe(1)
    print(fr.f_code.co_name, fr.f_lineno, sorted(fr.f_locals), fr.f_locals["local_in_g"])
    print(sorted(sys._getframe().f_locals))
    print(sys._getframe(2).f_code.co_name, sys._getframe(2).f_back, sys._getframe().f_globals is globals())
    return sys._getframe()
def g():
    local_in_g = 5
    return f(1)
fr = g()
print(type(fr).__name__, fr.f_code.co_name, fr.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
print(sys._getframe().f_back, sys._getframe().f_code.co_name, sys._getframe().f_lineno)
try: sys._getframe(100)
except ValueError as e: print(e)
def gen():
    x = 1
    yield sys._getframe().f_code.co_name
    yield 2
it = gen()
print(it.gi_frame.f_code.co_name, it.gi_frame.f_lineno, it.gi_frame.f_back)
print(next(it), it.gi_frame.f_lineno, it.gi_frame.f_locals)
print(list(it), it.gi_frame)
class K:
    here = sys._getframe().f_code.co_name
    names = sorted(sys._getframe().f_locals)
print(K.here, K.names)
