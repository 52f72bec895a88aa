for x in [0.1, 0.2 + 0.1, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001, 1.5e-7, 2**0.5, 1e22, 1e23, -0.0, 9007199254740993.0, 5e-324, 1.7976931348623157e308]:
    print(repr(x), str(x))
print(float("0.1") == 0.1, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
print(1e308 * 10, -1e308 * 10, (1e308 * 10) - (1e308 * 10))
try: 2.0 ** 10000
except OverflowError as e: print(e)
try: 1.0 / 0
except ZeroDivisionError as e: print(e)
try: 1.0 % 0
except ZeroDivisionError as e: print(e)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, 0.0 ** 0, (-1.0) ** 0.5 if False else "skip", 2.0 ** -1)
