import pkg.sub, ns.m
print(pkg.sub.X, ns.m.Y)
