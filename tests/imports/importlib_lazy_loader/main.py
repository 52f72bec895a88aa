# importlib.util.LazyLoader: the module body runs on first attribute access.
import importlib.util
import sys

spec = importlib.util.find_spec('lazy_mod')
loader = importlib.util.LazyLoader(spec.loader)
spec.loader = loader
mod = importlib.util.module_from_spec(spec)
sys.modules['lazy_mod'] = mod
loader.exec_module(mod)
print('before access')
print(mod.ANSWER)
print(type(mod).__name__, mod.__name__)
