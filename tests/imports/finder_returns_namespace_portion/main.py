import sys
ModuleSpec = type(sys.__spec__)
class PortionFinder:
    def __init__(self, entry):
        self.entry = entry
    def find_spec(self, name, target=None):
        if name == 'nsx':
            spec = ModuleSpec(name, None)
            spec.submodule_search_locations = [self.entry.split(':', 1)[1]]
            return spec
        return None
def hook(entry):
    if entry.startswith('portion:'):
        return PortionFinder(entry)
    raise ImportError
sys.path_hooks.insert(0, hook)
sys.path.append('portion:' + sys.path[0] + '/place')
import nsx, nsx.mod
print(nsx.mod.X, [p.replace(sys.path[0], '.') for p in nsx.__path__], nsx.__spec__.origin, type(nsx.__loader__).__name__)
