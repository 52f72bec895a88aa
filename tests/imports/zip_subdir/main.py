import os
import sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'lib.zip', 'lib'))
import inner
z = sys.path_importer_cache[sys.path[0]]
print(z.archive == os.path.join(here, 'lib.zip'), z.prefix)
try:
    import top
except ImportError as e:
    print(type(e).__name__, e)
sys.path.insert(0, os.path.join(here, 'lib.zip', 'nothere'))
try:
    import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
print(sys.path_importer_cache[sys.path[0]])
