import pkg.a
print(pkg.a.result)
