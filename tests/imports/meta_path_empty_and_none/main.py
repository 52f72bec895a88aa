import sys
saved = sys.meta_path[:]
sys.meta_path.clear()
try:
    import mod
except ModuleNotFoundError as e:
    print('empty meta_path:', e)
sys.meta_path[:] = saved
import mod
print(mod.X)
sys.modules['blocked'] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(e)
