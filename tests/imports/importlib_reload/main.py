# importlib.reload: the module's code runs again in the same module object; CPython's
# errors for what cannot be reloaded.
import importlib
import sys

import mod
print(mod.VERSION, mod.counter(), mod.__name__)
keep = mod
mod.extra = "kept"
with open(mod.__file__, "w") as f:
    # A different size, so the cached .pyc is stale whatever the clock's resolution.
    f.write("VERSION = 2\nLOADS = globals().get('LOADS', 0) + 1\n"
            "def counter():\n    return 'new counter, loads=%d' % LOADS\n")
r = importlib.reload(mod)
print(r is keep, mod.VERSION, mod.counter(), mod.extra, mod.LOADS)
r = importlib.reload(mod)
print(mod.LOADS)

import pkg.sub
pkg.sub.x = 99
importlib.reload(pkg.sub)
print(pkg.sub.x, pkg.sub.__spec__.name)
importlib.reload(pkg)
print(pkg.__name__)

for bad in [42, "mod", None]:
    try:
        importlib.reload(bad)
    except Exception as e:
        print(type(e).__name__, e)

del sys.modules["mod"]
try:
    importlib.reload(keep)
except ImportError as e:
    print(type(e).__name__, e, e.name)

import importlib.machinery
fresh = importlib._bootstrap.module_from_spec(importlib.machinery.ModuleSpec("never_imported", None))
try:
    importlib.reload(fresh)
except ImportError as e:
    print(type(e).__name__, e, e.name)
