import sys
print(sys.path[0].endswith('real'))
import helper
print(helper.X)
