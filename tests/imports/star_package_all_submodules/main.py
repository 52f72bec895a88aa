from pkg import *
print(one.X, two.X)
