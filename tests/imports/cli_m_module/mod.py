import sys
print(__name__, sys.argv, __package__)
print(__file__, __cached__)
print(__spec__)
print(__spec__.name, __spec__.parent, __loader__.name)
print(sys.modules['__main__'] is sys.modules[__name__])
print('mod' in sys.modules)
