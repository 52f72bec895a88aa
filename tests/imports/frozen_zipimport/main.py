# zipimport is frozen, as CPython 3.11 always has it: its spec (origin, loader_state), the
# _imp functions for frozen modules, FrozenImporter's methods, a re-import after deleting it
# from sys.modules, and a zipimport.py beside the script that does not shadow it.
import _imp, sys
print(_imp.init_frozen('nonexist'), _imp.is_frozen('zipimport'), _imp.is_frozen('nope'))
try: _imp.is_frozen_package('nope')
except ImportError as e: print(repr(e), e.name)
try: _imp.get_frozen_object('nope')
except ImportError as e: print(repr(e), e.name)
d=_imp.find_frozen('zipimport', withdata=True); print(type(d[0]), d[1:])
c=_imp.get_frozen_object('zipimport'); print(c.co_filename, c.co_name)
print(_imp.find_frozen('zipimport.x'), _imp.find_frozen(''), 'zipimport' in _imp._frozen_module_names())
import zipimport; print(zipimport.__spec__, zipimport.__spec__.loader_state, zipimport.__file__ == sys._stdlib_dir + '/zipimport.py', zipimport.__loader__, zipimport.__cached__ if hasattr(zipimport,'__cached__') else 'nocached', zipimport.__spec__.has_location, zipimport.__spec__.cached)
print(zipimport, sys.path_hooks[0] is zipimport.zipimporter)
import importlib.machinery as mm
print(mm.FrozenImporter.find_spec('zipimport'), mm.FrozenImporter.is_package('zipimport'), mm.FrozenImporter.get_source('zipimport'), mm.FrozenImporter.get_code('zipimport').co_name)
try: mm.FrozenImporter.get_source('nope')
except ImportError as e: print(repr(e))
print(sorted(k for k in vars(zipimport) if k.startswith('__')))
print(zipimport.zipimporter.__init__.__code__.co_filename)
del sys.modules['zipimport']
import zipimport as z2
print(z2 is zipimport, z2.__spec__.origin, '__origname__' in vars(z2))
m=sys.modules['zipimport']; m2=_imp.init_frozen('zipimport'); print(m2 is m, m2)
import importlib.util
print(importlib.util.find_spec('zipimport'))
print(getattr(zipimport, 'X', 'not shadowed'))
