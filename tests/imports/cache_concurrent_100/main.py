import pkg.a, pkg.b
print(pkg.a.X + pkg.b.Y)
