import sys
sys.path.insert(0, 'ro')
import mod
print(mod.X)
