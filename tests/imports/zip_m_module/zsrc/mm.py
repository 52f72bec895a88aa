import sys
print(__name__, __file__, __spec__.name, __loader__, sys.argv)
