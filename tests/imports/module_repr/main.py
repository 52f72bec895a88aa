# repr(module) as CPython 3.11 builds it (importlib._bootstrap._module_repr): the spec,
# then the loader's module_repr, then __name__ with __file__ or __loader__.
import sys, ns, plain, importlib.machinery as m
print(ns); print(plain); print(sys); print(m.ModuleSpec)
import builtins; print(builtins)
print(repr(__import__('__main__')))
import _imp, _warnings, importlib; print(_imp, _warnings, importlib)
import _frozen_importlib; print(_frozen_importlib)
mod = importlib._bootstrap.module_from_spec(m.ModuleSpec('fresh', None)); print(mod)
mod.__spec__ = None
mod.__file__ = '/x.py'; print(mod)
class L:
    def module_repr(self, m): return 'custom!'
mod.__loader__ = L(); print(mod)
class L2:
    def module_repr(self, m): raise ValueError
mod.__loader__ = L2(); print(mod)
mod2 = importlib._bootstrap.module_from_spec(m.ModuleSpec('f2', None)); mod2.__spec__ = None; mod2.__loader__ = 5; print(mod2)
mod2.__spec__ = m.ModuleSpec('specname', None, origin='orig'); print(mod2)
mod2.__spec__.has_location = True; print(mod2)
del mod2.__name__; mod2.__spec__ = None; print(mod2)
