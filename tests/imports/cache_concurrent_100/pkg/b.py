from .a import X
Y = X + 1
