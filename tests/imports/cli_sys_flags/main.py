import sys
print(tuple(sys.flags), sys.warnoptions, sys._xoptions, sys.dont_write_bytecode, sys.pycache_prefix)
print(sys.flags.optimize, sys.flags.verbose, sys.flags.safe_path, sys.flags.dev_mode)
