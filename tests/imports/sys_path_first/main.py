import sys
print(sys.path[0] == __file__.rsplit('/', 1)[0])
