print('pkg init', __name__, __package__, __path__)
from . import helper
