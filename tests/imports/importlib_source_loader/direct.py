# SourceLoader subclassed straight from _frozen_importlib_external (importlib not imported):
# its methods are there.
import _frozen_importlib_external as e
class L(e.SourceLoader):
    def get_filename(self, n): return "/v/m.py"
    def get_data(self, p):
        if p == "/v/m.py": return b"X = 41 + 1\n"
        raise OSError(p)
import _frozen_importlib as b
m = b.module_from_spec(b.ModuleSpec("m", L()))
L().exec_module(m)
print(m.X, e.SourceLoader.get_code.__qualname__)
