# A finder on sys.meta_path with find_spec, a loader with create_module/exec_module,
# importlib.util.spec_from_loader and module_from_spec.
import importlib.util
import sys


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.GREETING = 'hello from ' + module.__name__
        print('exec', module.__name__, module.__spec__.origin)


class Finder:
    def find_spec(self, fullname, path, target=None):
        if fullname.startswith('virtual_'):
            return importlib.util.spec_from_loader(fullname, Loader(), origin='virtual')
        return None


sys.meta_path.insert(0, Finder())
import virtual_one
print(virtual_one.GREETING, virtual_one.__loader__.__class__.__name__)
from virtual_two import GREETING
print(GREETING)
try:
    import not_virtual_at_all
except ModuleNotFoundError as e:
    print(e)
print(sys.modules['virtual_one'] is virtual_one)
