import pkg
print(pkg.helper.H, pkg.f())
