# A frame object whose frame has finished shows the frame's final state: the line of
# the return (or of the raise that left it) and, read through f_locals, the final
# locals (in the same dict while it is held).
import sys


def returns():
    fr = sys._getframe()
    held = fr.f_locals
    a = 1
    b = a + 1
    return fr, held


fr, held = returns()
print(fr.f_lineno, fr.f_locals is held, sorted(k for k in fr.f_locals if k != 'held'), held['b'])
print(fr.f_lineno)


def raises(box):
    box.append(sys._getframe())
    x = 10
    raise ValueError(x)


box = []
try:
    raises(box)
except ValueError:
    pass
print(box[0].f_lineno)


def gen(box):
    box.append(sys._getframe())
    yield 1
    y = 2
    return y


box = []
g = gen(box)
print(next(g), box[0].f_lineno)
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
print(box[0].f_lineno)


def no_object():
    return 5


print(no_object(), fr.f_lineno)


def nested():
    inner_fr = []

    def inner():
        inner_fr.append(sys._getframe())
        return sys._getframe(1)

    outer_fr = inner()
    z = 3
    return inner_fr[0], outer_fr


i, o = nested()
print(i.f_lineno, o.f_lineno, i.f_back is o)
