import sys
sys.dont_write_bytecode = True
import m
print(m.v)
