import sys
print(__name__, __package__, sys.argv)
print(__spec__.name, __spec__.origin)
from . import helper
print(helper.H)
