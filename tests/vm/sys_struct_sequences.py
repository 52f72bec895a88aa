# Struct sequences of sys: type names, module and repr prefix (values vary by build).
import sys
for name in ("flags", "version_info", "float_info", "int_info", "hash_info"):
    obj = getattr(sys, name)
    t = type(obj)
    print(t, t.__name__, t.__module__, repr(obj).split("(")[0], isinstance(obj, tuple))
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), sys.version_info[:2])
