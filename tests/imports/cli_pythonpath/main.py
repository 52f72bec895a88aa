import sys
here = sys.path[0]
print([p.replace(here, '.') for p in sys.path[1:] if p.startswith(here)])
import extmod
print(extmod.X, extmod.__file__)
