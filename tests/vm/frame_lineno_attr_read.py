# f_lineno of a running frame read through an attribute load (no call in between), and
# a caller's line seen from a property getter or __getattr__ it triggered.
import sys
fr = sys._getframe()
x = 1
print(fr.f_lineno)


def f():
    me = sys._getframe()
    y = 2
    a = me.f_lineno
    b = [me.f_lineno][0]
    return a, b, me.f_lasti > 0


print(f())


class P:
    @property
    def where(self):
        return sys._getframe(1).f_lineno

    def __getattr__(self, name):
        return (name, sys._getframe(1).f_lineno)


p = P()
z = 3
w = p.where
print(w)
v = p.missing
print(v)
print(p.where, p.other)


def g():
    return sys._getframe()


h = g()
print(h.f_lineno)
