import os
import sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'code.zip'))
import only
print(only.WHO, only.__file__, only.__spec__.origin, only.__cached__ if hasattr(only, '__cached__') else '-')
import both
print(both.__file__)
import stale
print(stale.WHO, stale.__file__)
z = sys.path_importer_cache[sys.path[0]]
print(z.get_source('only'), z.get_source('both') is not None, z.get_filename('only'))
print(type(z.get_code('only')).__name__, z.get_code('only').co_filename)
print(os.path.exists(os.path.join(here, '__pycache__')))
