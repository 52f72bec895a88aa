import mod, sys
print(mod.X, sys.dont_write_bytecode)
