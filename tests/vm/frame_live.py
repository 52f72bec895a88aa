# Frame objects follow their frame while it runs: one object per activation, f_lineno
# and f_locals of a caller or a suspended generator as they are now, f_back, clear().
import sys


def show(label, fr):
    print(label, fr.f_code.co_name, fr.f_lineno, sorted(fr.f_locals))


# The same object for the same activation.
print(sys._getframe() is sys._getframe())


def twice():
    return sys._getframe(), sys._getframe()


a, b = twice()
print(a is b, a.f_back is sys._getframe())


# A caller's frame object, read by a callee at different points of the caller.
def caller():
    me = sys._getframe()
    first = 1
    callee(me)
    second = 2
    callee(me)
    del first
    callee(me)
    return me


def callee(fr):
    show('caller seen', fr)
    print('  f_back of caller is module:', fr.f_back is MODULE)


MODULE = sys._getframe()
kept = caller()
print(kept.f_code.co_name, kept.f_back is MODULE)


# Same depth, different activations: never the same object.
def deep(n):
    if n == 0:
        return sys._getframe()
    return deep(n - 1)


d1 = deep(3)
d2 = deep(3)
print(d1 is d2, d1.f_back is d2.f_back, d1.f_code is d2.f_code)


def probe(level):
    return sys._getframe(level)


def outer():
    x = 'outer'
    f1 = probe(1)
    f2 = probe(1)
    return f1 is f2, f1 is sys._getframe()


print(outer())


# f_locals is one dict, brought up to date on each read.
def locals_dict():
    me = sys._getframe()
    d1 = me.f_locals
    v = 10
    d2 = reader(me)
    del v
    d3 = reader(me)
    return d1 is d2 is d3, sorted(d3)


def reader(fr):
    return fr.f_locals


print(locals_dict())


# A generator's frame: the same object suspended and running, its line as it advances.
def gen():
    fr = sys._getframe()
    yield fr
    n = 1
    yield n
    m = 2
    yield m


g = gen()
gf = g.gi_frame
print(gf is g.gi_frame, gf.f_back)
inner = next(g)
print(inner is gf, gf.f_lineno, sorted(gf.f_locals))
next(g)
print(gf.f_lineno, sorted(gf.f_locals), gf is g.gi_frame)


def resume_from_function():
    return next(g), g.gi_frame.f_back


v, back = resume_from_function()
print(v, back, gf.f_lineno)


def gen_back():
    yield sys._getframe().f_back.f_code.co_name


def driver():
    return next(gen_back())


print(driver())

# clear(): an executing frame refuses; a suspended generator is closed; a finished
# frame drops its locals.
try:
    sys._getframe().clear()
except RuntimeError as e:
    print('RuntimeError', e)


def closing():
    try:
        yield 1
        yield 2
    finally:
        print('finally ran')


c = closing()
next(c)
cf = c.gi_frame
cf.clear()
print(c.gi_frame, cf.f_locals, list(c))


def finished():
    local = 'value'
    return sys._getframe()


ff = finished()
print(sorted(ff.f_locals))
ff.clear()
print(ff.f_locals, ff.f_code.co_name)

try:
    raise ValueError('x')
except ValueError as e:
    tb = e.__traceback__
print(tb.tb_frame is sys._getframe())


def raiser():
    here = 1
    raise KeyError('k')


try:
    raiser()
except KeyError as e:
    rf = e.__traceback__.tb_next.tb_frame
print(rf.f_code.co_name, sorted(rf.f_locals), rf.f_lineno)
rf.clear()
print(rf.f_locals)

# repr follows the line too.
def repr_caller():
    me = sys._getframe()
    return repr_callee(me)


def repr_callee(fr):
    return repr(fr).split(', ')[2:]


print(repr_caller())
