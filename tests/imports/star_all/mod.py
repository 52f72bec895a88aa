__all__ = ['a', '_hidden']
a = 1
b = 2
_hidden = 3
