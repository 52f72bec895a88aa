import os
import sys
import zipimport
here = os.path.dirname(os.path.abspath(__file__))
arc = os.path.join(here, 'api.zip')
z = zipimport.zipimporter(arc)
print(z, z.archive == arc, repr(z.prefix))
print(z.is_package('pkg'), z.is_package('pkg.m') if False else '-', z.get_data(os.path.join(arc, 'data.txt')))
print(z.find_spec('pkg'), z.find_spec('nope'))
print(z.get_filename('pkg'), z.get_source('pkg.m') if False else '-')
zp = zipimport.zipimporter(os.path.join(arc, 'pkg'))
print(zp.prefix, zp.get_source('m'), zp.is_package('m'))
spec = zp.find_spec('m')
print(spec.name, spec.origin, spec.loader is zp)
try:
    z.get_data('nothere.txt')
except OSError as e:
    print(type(e).__name__, e.args[0], str(e.args[1]).replace(here, '<HERE>') if len(e.args) > 1 else '')
try:
    z.is_package('nope')
except zipimport.ZipImportError as e:
    print(type(e).__name__, e)
print(sorted(zipimport._zip_directory_cache[arc])[:4])
z.invalidate_caches()
print(arc in zipimport._zip_directory_cache)
