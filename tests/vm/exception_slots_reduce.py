# Exception subclasses with __slots__ keep BaseException's __dict__; __reduce__ returns the
# args tuple itself and the instance dict.
class S(Exception):
    __slots__ = ('a',)
e = S(1)
e.a = 2
e.b = 4
print(e.a, e.b, e.__dict__, vars(e))
e.__dict__['c'] = 5
print(e.c, sorted(e.__dict__))
del e.b
print(e.__dict__)
try:
    e.zz
except AttributeError as x:
    print(x)
class T(S):
    __slots__ = ()
t = T()
t.q = 1
print(t.__dict__, t.args)
print(e.__reduce__())
class P:
    __slots__ = ('a',)
try:
    P().b = 1
except AttributeError as x:
    print(x)
x = ValueError(1, 2)
print(x.__reduce__()[1] is x.args, KeyError('k').__reduce__())
y = ValueError('one')
r = y.__reduce__()
print(r[1] is y.args, r)
class Big(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
bb = Big(1, 2)
print(bb.__reduce__(), bb.__reduce__()[1] is bb.args)

# A class attribute or property named like a payload attribute shadows BaseException's
# descriptor; __getattribute__ overrides see every name.
class ArgsAttr(Exception):
    args = 5


print(ArgsAttr(1, 2).args)


class ArgsProp(Exception):
    @property
    def args(self):
        return 'prop'


print(ArgsProp(1).args)


class Mixin:
    args = 'mixin'


class AfterMixin(Exception, Mixin):
    pass


print(AfterMixin(7).args)


class GA(Exception):
    def __getattribute__(self, n):
        if n == 'args':
            return 'ga'
        return super().__getattribute__(n)


print(GA(3).args)
