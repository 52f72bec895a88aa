import pkg.sub.leaf
import pkg
print(pkg.__file__, pkg.__path__, pkg.__spec__.submodule_search_locations)
print(pkg.sub.__file__, pkg.sub.__path__)
print(pkg.sub.leaf.__file__, pkg.sub.leaf.__loader__)
from pkg.sub import leaf
print(leaf is pkg.sub.leaf)
import importlib
m = importlib.import_module('pkg.helper')
print(m.VALUE, m.__spec__.name)
