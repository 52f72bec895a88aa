import os
import sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'lib.zip'))
for stmt in ['import absent', 'import pkg.absent', 'from pkg import absent', 'from pkg.present import Q',
             'import pkg.present.deeper']:
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
import pkg.present
print(pkg.present.P)
