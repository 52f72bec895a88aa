# f_locals of a frame object after its frame has returned or raised: the final locals,
# as CPython's frame object keeps them.
import sys


def returns_own_frame():
    x = 1
    fr = sys._getframe()
    x = 2
    y = [x]
    return fr


fr = returns_own_frame()
loc = fr.f_locals
print(sorted(loc), loc['x'], loc['y'], loc['fr'] is fr)
print(fr.f_locals is loc)  # the same dict while it is held
del loc
print(sorted(fr.f_locals))


def frame_of_callee():
    return sys._getframe(1)


def caller():
    a = 'start'
    f = frame_of_callee()
    a = 'end'
    b = 3
    return f


f = caller()
print(f.f_locals['a'], f.f_locals['b'], f.f_locals['f'] is f, f.f_lineno)


def closure_frame():
    c = 10
    def inner():
        return c
    fr = sys._getframe()
    c = 11
    del inner
    return fr


loc = closure_frame().f_locals
print(sorted(loc), loc['c'])


def raises():
    z = 'before'
    fr = sys._getframe()
    z = 'after'
    raise ValueError(fr)


try:
    raises()
except ValueError as e:
    frame = e.args[0]
    print(frame.f_locals['z'], frame.f_locals['fr'] is frame)
    tb_frame = e.__traceback__.tb_next.tb_frame
    print(tb_frame is frame, tb_frame.f_lineno, tb_frame.f_code.co_name)


def deeper():
    here = sys._getframe()
    q = 'deep'
    return 1 / 0


try:
    deeper()
except ZeroDivisionError as e:
    tf = e.__traceback__.tb_next.tb_frame
    print(tf.f_locals['q'], tf.f_locals['here'] is tf, tf.f_lineno)
    del e


def held_dict():
    v = 'one'
    me = sys._getframe()
    d = me.f_locals
    v = 'two'
    return me, d


fr2, d = held_dict()
print(d['v'])  # not refreshed when the frame ended
print(fr2.f_locals is d, d['v'], sorted(d))  # the read refreshes it


def unbound_after():
    w = 5
    fr = sys._getframe()
    del w
    return fr


print(sorted(unbound_after().f_locals))
