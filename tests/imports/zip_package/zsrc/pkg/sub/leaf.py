from .. import helper
from ..helper import VALUE
print('leaf', __name__, __package__, __spec__.parent, VALUE, helper.__name__)
