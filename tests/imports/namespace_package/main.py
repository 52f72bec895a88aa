import ns.mod
print(ns.mod.v, ns.__file__)
from ns import mod
print(mod.v)
