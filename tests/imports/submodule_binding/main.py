import pkg.sub
print(pkg.sub.V)
import pkg
print('sub' in dir(pkg))
from pkg import sub as s2
print(s2 is pkg.sub)
import pkg.sub as s3
print(s3 is s2)
