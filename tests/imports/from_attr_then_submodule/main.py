from pkg import attr, sub
print(attr, sub.__name__)
from pkg.sub import thing
print(thing)
