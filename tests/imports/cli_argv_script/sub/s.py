import sys
print(sys.argv, __file__)
