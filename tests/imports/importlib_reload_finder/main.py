# importlib.reload asks sys.meta_path's finders again, passing the module as `target`;
# a user finder's spec and loader run the reload in the same module object.
import importlib
import importlib.machinery
import sys

calls = []


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.loads = getattr(module, "loads", 0) + 1
        calls.append(("exec", module.__name__, module.loads))


class Finder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "virtual_mod":
            return None
        calls.append(("find", name, path, None if target is None else target.__name__))
        return importlib.machinery.ModuleSpec(name, Loader(), origin="virtual")


sys.meta_path.insert(0, Finder)
import virtual_mod
first = virtual_mod
r = importlib.reload(virtual_mod)
print(r is first, virtual_mod.loads, virtual_mod.__spec__.origin, repr(virtual_mod)[:28])
for c in calls:
    print(c)


class NoExec:
    def load_module(self, name):
        m = sys.modules[name]
        m.via = "load_module"
        return m


class Finder2:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name == "virtual_mod":
            return importlib.machinery.ModuleSpec(name, NoExec())
        return None


sys.meta_path.insert(0, Finder2)
importlib.reload(virtual_mod)
print(virtual_mod.via)
sys.meta_path[:2] = []


class Gone:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        return None


try:
    importlib.reload(virtual_mod)
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
