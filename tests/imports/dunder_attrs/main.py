import mod, pkg
import sys
class os:
    getcwd = staticmethod(lambda: sys.path[0])
for m in (mod, pkg):
    print(m.__name__, repr(m.__package__), m.__file__.replace(os.getcwd(), '.'), m.__cached__.replace(os.getcwd(), '.').replace('pyrs-311', 'TAG').replace('cpython-311', 'TAG'))
print(hasattr(mod, '__path__'), [p.replace(os.getcwd(), '.') for p in pkg.__path__])
print(type(mod.__builtins__).__name__)
print([k for k in vars(mod) if k.startswith('__')][:3])
print(__name__, __package__, __spec__, __file__.replace(os.getcwd(), '.'))
