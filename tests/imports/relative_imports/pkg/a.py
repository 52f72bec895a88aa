from . import b
from .b import val
from .sub.c import deep
result = (b.val, val, deep)
