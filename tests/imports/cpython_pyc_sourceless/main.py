import fast
print(fast.f(3), fast.__file__, fast.__spec__.loader.__class__.__name__)
