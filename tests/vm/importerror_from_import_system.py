# The import system's own ImportError / ModuleNotFoundError carry .name (and .path where
# CPython sets it).
try:
    import nonexistent_mod_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg, e.args)
try:
    import nonexistent_pkg_xyz.sub
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
try:
    import sys.nonexistent_sub_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
try:
    from sys import nonexistent_name_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
try:
    __import__('nonexistent_mod_abc')
except ModuleNotFoundError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
