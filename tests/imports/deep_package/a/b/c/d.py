N = 'deep'
from ..c import d as me
from ... import b
