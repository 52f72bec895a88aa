flags = 0b1010
mask = None
result = flags & 0xFF | mask << 2
