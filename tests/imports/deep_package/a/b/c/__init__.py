from . import d
