print((10).as_integer_ratio(), (-3).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.__name__, (7).__index__() if hasattr(7, "__index__") else 7)
print(True.real, (3).is_integer() if hasattr(3, "is_integer") else "no is_integer")
print(10 // 3, -10 // 3, 10 % -3, -10 % 3, 10 / 4, 2 ** -2, (-2) ** 2, -2 ** 2, 0 ** 0)
try: 1 // 0
except ZeroDivisionError as e: print(e)
try: 1 % 0
except ZeroDivisionError as e: print(e)
try: 1 / 0
except ZeroDivisionError as e: print(e)
print(10**20 // 7, 10**20 % 7, -(10**20) // 7, divmod(-(10**20), 7), 10**20 / 10**10)
print(int.bit_length(8))
