import pkg
print(pkg.P, pkg.__file__, pkg.__path__, pkg.__spec__.loader.__class__.__name__)
