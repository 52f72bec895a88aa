# The path hook is the standard library's zipimporter (frozen in CPython), never a
# zipimport.py beside the script; `import zipimport` then gets the one in sys.modules.
import sys
print(sys.path_hooks[0], len(sys.path_hooks))
import zipimport
print(zipimport.zipimporter is sys.path_hooks[0], hasattr(zipimport, 'ZipImportError'))
