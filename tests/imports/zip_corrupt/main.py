import os
import sys
import zipimport
here = os.path.dirname(os.path.abspath(__file__))
for name in ['garbage.zip', 'truncated.zip', 'empty.zip', 'badcd.zip', 'missing.zip', 'good.py']:
    p = os.path.join(here, name)
    try:
        zipimport.zipimporter(p)
    except zipimport.ZipImportError as e:
        print(name, type(e).__name__, str(e).replace(here, '<HERE>'), e.path == p)
    sys.path.insert(0, p)
try:
    import mod
except ImportError as e:
    print(type(e).__name__, e)
import good
print([repr(sys.path_importer_cache.get(os.path.join(here, n))) for n in ['garbage.zip', 'truncated.zip']])
print(issubclass(zipimport.ZipImportError, ImportError))
