import sys
print(__name__, __file__, __spec__.name, __spec__.origin, sys.argv, sys.path[0], repr(__package__), __cached__)
import helper
print(helper.H)
