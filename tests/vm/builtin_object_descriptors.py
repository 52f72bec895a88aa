# Data descriptors of code, frame, generator, coroutine, async generator, memoryview, super,
# dict views (mapping), classmethod/staticmethod/property (__isabstractmethod__).
import sys
def f(a, b=1, *, c):
    x = a
    return lambda: x
co = f.__code__
print([type(type(co).__dict__[k]).__name__ for k in ('co_name', 'co_varnames', 'co_code')])
print(co.co_name, co.co_qualname, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_cellvars, co.co_freevars, co.co_nlocals)
print(type(co).co_name, type(co).co_varnames)
fr = sys._getframe()
print(fr.f_code.co_name, fr.f_back, fr.f_globals is globals(), fr.f_trace, type(fr).f_back)
def g():
    yield 1
gen = g()
next(gen)
print(gen.__name__, gen.__qualname__, gen.gi_running, gen.gi_suspended, gen.gi_code.co_name, gen.gi_yieldfrom)
print(type(gen).gi_code, type(gen).__dict__['__name__'])
async def c():
    pass
cor = c()
print(cor.__name__, cor.cr_running, cor.cr_code.co_name, cor.cr_await, type(cor).cr_code)
cor.close()
async def ag():
    yield 1
a = ag()
print(a.__name__, a.ag_running, a.ag_code.co_name, a.ag_await, type(a).ag_code)
m = memoryview(b'abc')
print(m.obj, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(memoryview.nbytes, memoryview.format)
class A:
    def m(self):
        return super()
class B(A):
    pass
s = B().m()
print(s.__thisclass__, type(s.__self__).__name__, s.__self_class__)
s2 = super(A, B)
print(s2.__thisclass__, s2.__self__, s2.__self_class__)
d = {'a': 1}
print(d.keys().mapping, d.values().mapping['a'], d.items().mapping == d, type(d.keys().mapping).__name__)
print(classmethod(f).__isabstractmethod__, staticmethod(f).__isabstractmethod__, property(f).__isabstractmethod__)
print(type(classmethod.__dict__['__isabstractmethod__']).__name__)
for bad in (lambda: setattr(co, 'co_name', 'x'), lambda: setattr(s, '__thisclass__', 1)):
    try:
        bad()
    except AttributeError as e:
        print('AttributeError', e)
