import mod, pkg, pkg.sub, ns, sys
for m in (mod, pkg, pkg.sub, ns):
    s = m.__spec__
    print(s)
    print(' ', s.name, s.origin, s.cached, repr(s.parent), s.submodule_search_locations, s.has_location)
    print(' ', type(s).__name__, type(s).__module__, type(s.loader).__name__, type(s.loader).__module__)
    print(' ', m.__loader__ is s.loader, m.__package__, getattr(m, '__file__', 'nofile'), getattr(m, '__cached__', 'nocached'))
print(list(mod.__dict__)[:8])
print(list(pkg.__dict__)[:9])
print(sys.__spec__, sys.__loader__)
print(__spec__, type(__loader__).__name__, __loader__.name, __loader__.path == __file__)
