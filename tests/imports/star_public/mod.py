import sys as _sys
a = 1
_priv = 2
def func(): pass
class K: pass
