import sys
sys.path.append('second')
import ns.a, ns.b
print(ns.a.X, ns.b.Y)
print([p.replace(sys.path[0], '.') for p in ns.__path__])
print(type(ns.__path__).__name__, ns.__file__, ns.__spec__.origin)
