import sys
ModuleSpec = type(sys.__spec__)

class Loader:
    def create_module(self, spec):
        print('create_module', spec.name)
        return None
    def exec_module(self, module):
        print('exec_module', module.__name__, module.__spec__.name, module.__loader__ is self)
        module.answer = 42
        module.where = 'virtual'

class Finder:
    def find_spec(self, name, path, target=None):
        print('find_spec', name, path if path is None else [p.replace(sys.path[0], '.') for p in path], target)
        if name.rpartition('.')[2].startswith('virtual'):
            return ModuleSpec(name, Loader(), origin='virtual-origin')
        return None

sys.meta_path.insert(0, Finder())
import virtual_one
print(virtual_one.answer, virtual_one.__spec__.origin, virtual_one.__file__ if hasattr(virtual_one, '__file__') else 'no file')
import real
print(real.X)
import pkg.virtual_child
print(pkg.virtual_child.where)
import virtual_one
print(sorted(k for k in sys.modules if 'virtual' in k))
