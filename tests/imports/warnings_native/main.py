import _warnings, sys
print(sorted(vars(_warnings)))
print(_warnings.filters)
print(_warnings._defaultaction, _warnings._onceregistry)
def f():
    _warnings.warn("plain warning")
f()
f()
_warnings.warn("dep", DeprecationWarning)
_warnings.warn("pending", PendingDeprecationWarning)
_warnings.warn(UserWarning("instance"))
try:
    _warnings.warn("x", int)
except TypeError as e:
    print("TypeError", e)
reg = {}
_warnings.warn_explicit("explicit", UserWarning, "file.py", 10, registry=reg)
_warnings.warn_explicit("explicit", UserWarning, "file.py", 10, registry=reg)
print(reg)
_warnings.filters.insert(0, ("error", None, RuntimeWarning, None, 0))
_warnings._filters_mutated()
try:
    _warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", repr(e))
_warnings.filters.insert(0, ("bogus", None, FutureWarning, None, 0))
try:
    _warnings.warn("b", FutureWarning)
except RuntimeError as e:
    print("RuntimeError", e)
del _warnings.filters[0]
_warnings.filters.insert(0, ("once", None, SyntaxWarning, None, 0))
_warnings._filters_mutated()
for i in range(3):
    _warnings.warn("once only", SyntaxWarning)
_warnings.warn("once only", SyntaxWarning)
print(sorted(map(str, __warningregistry__)))
_warnings.warn("deep", stacklevel=5)
_warnings.warn("zero", stacklevel=0)
