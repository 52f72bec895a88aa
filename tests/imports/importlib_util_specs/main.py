# importlib.util: find_spec, spec_from_file_location + module_from_spec + exec_module,
# resolve_name, source_hash, cache_from_source, MAGIC_NUMBER.
import importlib.util
import os
import sys

spec = importlib.util.find_spec('helper')
print(spec.name, type(spec.loader).__name__, os.path.basename(spec.origin), spec.parent == '')
print(importlib.util.find_spec('no_such_module_here'))
print(importlib.util.find_spec('pkg').submodule_search_locations is not None)
print(importlib.util.find_spec('pkg.sub').name, 'pkg.sub' in sys.modules, 'pkg' in sys.modules)
here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('loaded_by_path', os.path.join(here, 'by_path.py'))
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, mod.__spec__ is spec, hasattr(mod, 'VALUE'))
spec.loader.exec_module(mod)
print(mod.VALUE, mod.twice(21), 'loaded_by_path' in sys.modules)
print(importlib.util.resolve_name('.sub', 'pkg'), importlib.util.resolve_name('x', None))
print(len(importlib.util.MAGIC_NUMBER), importlib.util.MAGIC_NUMBER[2:])
print(os.path.basename(importlib.util.cache_from_source('/a/b/c.py')).split('.')[0])
print(len(importlib.util.source_hash(b'print(1)')))
import helper
print(helper.NAME, importlib.util.find_spec('helper') is not None)
