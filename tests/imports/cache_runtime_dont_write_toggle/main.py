import sys
sys.dont_write_bytecode = True
import a
sys.dont_write_bytecode = False
import b
