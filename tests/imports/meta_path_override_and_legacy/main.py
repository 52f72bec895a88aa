import sys
class LegacyLoader:
    def load_module(self, name):
        print('load_module', name)
        m = type(sys)(name) if False else None
        m = sys.modules.setdefault(name, __import__('types_stub'))
        return m
class Shadow:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name == 'mod':
            print('shadowing', name)
            return sys.meta_path[-1].find_spec('other')
sys.meta_path.insert(0, Shadow)
import mod
print(mod.__name__, mod.V)
sys.meta_path.remove(Shadow)
print([type(f).__name__ if not isinstance(f, type) else f.__name__ for f in sys.meta_path])
