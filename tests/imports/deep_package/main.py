import a.b.c.d
print(a.b.c.d.N, a.__name__, a.b.c.__package__)
from a.b.c import d as dd
from a.b import c
print(dd.N, c.d.N)
