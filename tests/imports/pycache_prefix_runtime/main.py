import sys
print(sys.pycache_prefix)
sys.pycache_prefix = 'rt'
import mod
print(mod.__cached__)
