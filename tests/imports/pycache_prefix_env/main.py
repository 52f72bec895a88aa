import mod, sys
print(mod.__cached__, sys.pycache_prefix)
