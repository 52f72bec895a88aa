import sys
sys.path_importer_cache[sys.path[0]] = None
try:
    import mod
except ImportError as e:
    print(type(e).__name__, e)
del sys.path_importer_cache[sys.path[0]]
import mod
print(mod.X)
