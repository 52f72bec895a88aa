# importlib.import_module: absolute, relative with package=, submodules, errors.
import importlib
import sys

m = importlib.import_module("pkg")
print(m.__name__, m is sys.modules["pkg"])
a = importlib.import_module("pkg.a")
print(a.__name__, a.VALUE, a is importlib.import_module("pkg.a"))
b = importlib.import_module(".b", package="pkg")
print(b.__name__, b.VALUE)
c = importlib.import_module("..a", package="pkg.sub")
print(c is a)
s = importlib.import_module(".sub.deep", "pkg")
print(s.__name__, s.__package__)
for args in [("nosuchmod_xyz",), ("pkg.nosuch",), (".a",), (".a", ""), ("...a", "pkg"),
             ("",), (5,), ("pkg.a.x",)]:
    try:
        importlib.import_module(*args)
        print(args, "imported")
    except Exception as e:
        print(args, type(e).__name__, e, e.name if isinstance(e, ImportError) else "")
sys.modules["blocked"] = None
try:
    importlib.import_module("blocked")
except ImportError as e:
    print(type(e).__name__, e)
print(importlib.__import__("pkg.a", fromlist=["VALUE"]).VALUE)
print(importlib.__import__("pkg.a").__name__)
importlib.invalidate_caches()
print(sorted(importlib.__all__))
