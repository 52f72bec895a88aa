print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (2**100).bit_length(), (7).bit_count(), (-7).bit_count())
print(5 & 3, 5 | 3, 5 ^ 3, ~5, -5 & 0xFF, 1 << 100, (2**100) >> 98, -1 >> 10, -(2**70) >> 3)
try: 1 << -1
except ValueError as e: print(e)
try: 1 >> -1
except ValueError as e: print(e)
print((2**64 - 1) & -(2**32), (2**64) | 1, (2**64) ^ (2**64 + 5), ~(2**70))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
