from . import helper
from .helper import f
