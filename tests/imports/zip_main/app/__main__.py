import sys
print(__name__, __file__, __package__ == '', __spec__.name, __loader__)
print(sys.argv, sys.path[0])
import helper
print(helper.H)
