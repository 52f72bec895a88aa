import sys
sys.path.insert(0, 'libs')
import found
print(found.W)
sys.path.remove('libs')
