import sys
ModuleSpec = type(sys.__spec__)
class L:
    def create_module(self, spec): return None
    def exec_module(self, m): m.value = 'from ' + m.__spec__.origin
class VirtualFinder:
    def __init__(self, entry): self.entry = entry
    def find_spec(self, name, target=None):
        if name == 'vmod':
            return ModuleSpec(name, L(), origin=self.entry + '/' + name)
        return None
def hook(entry):
    if entry.startswith('virtual:'):
        print('hook accepts', entry)
        return VirtualFinder(entry)
    raise ImportError('not mine')
sys.path_hooks.insert(0, hook)
sys.path.append('virtual:store')
import vmod
print(vmod.value)
print(type(sys.path_importer_cache['virtual:store']).__name__)
import vmod
print(repr(sys.path_importer_cache[sys.path[0]]).replace(sys.path[0], '.'))
sys.path_importer_cache['nodir'] = None
