import sys
print(__file__.rsplit('/', 1)[0] in sys.path)
import mod
