print(int(), int(3.99), int(-3.99), int("  42  "), int("-1_000"), int(b"12"), int("+7"), int(True))
print(int("1" * 30), int(1e20), int(2.5e-3))
for bad in ["", "1_", "_1", "1__0", "abc", "1.5", " "]:
    try: int(bad)
    except ValueError as e: print(e)
try: int(float("inf"))
except OverflowError as e: print(e)
try: int(float("nan"))
except ValueError as e: print(e)
try: int([])
except TypeError as e: print(e)
class T:
    def __trunc__(self): return 7
class I:
    def __int__(self): return 8
class X:
    def __index__(self): return 9
print(int(I()), int(X()))
try: int("10", 1)
except ValueError as e: print(e)
try: int(10, 2)
except TypeError as e: print(e)
print(int("Z", 36), int("-0b11", 0), int("0", 0), int("00", 0))
