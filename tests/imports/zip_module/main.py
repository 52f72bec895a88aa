import os
import sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'stored.zip'))
sys.path.insert(1, os.path.join(here, 'deflated.zip'))
print([type(h).__name__ for h in sys.path_hooks])
import mod
print(mod.X, mod.__file__, mod.__cached__ if hasattr(mod, '__cached__') else 'no __cached__')
print(mod.__loader__, type(mod.__loader__).__module__)
print(mod.__spec__)
print(mod.__spec__.origin, mod.__spec__.has_location, mod.__spec__.cached, mod.__spec__.parent)
print(mod.__package__, repr(mod.__doc__))
import big
print(len(big.DATA), big.DATA[-3:], big.__file__)
print(type(sys.path_importer_cache[sys.path[0]]).__name__)
print(sys.path_importer_cache[sys.path[0]].archive == sys.path[0])
print(os.path.isdir(os.path.join(here, '__pycache__')))
