from .. import b
from ..b import val as v
deep = 'c+' + v
