from ..b import other
V = other.W
