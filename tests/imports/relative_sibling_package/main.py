from pkg.a import mod
print(mod.V)
