import sys
print(sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300)
try:
    int("1" * 5000)
except ValueError as e:
    print(str(e)[:60])
x = 10 ** 5000
try:
    str(x)
except ValueError as e:
    print(str(e)[:60])
print(len(hex(x)) > 100)
sys.set_int_max_str_digits(6000)
print(len(str(x)), sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 9000)), len(repr(-10 ** 9000)), int("9" * 5000) % 7, f"{10 ** 20}")
sys.set_int_max_str_digits(4300)
try:
    print(f"{x}")
except ValueError as e:
    print("f-string", str(e)[:30])
try:
    print(x)
except ValueError as e:
    print("print", str(e)[:30])
try:
    format(x, ",d")
except ValueError as e:
    print("format", str(e)[:30])
print(len(format(x, "x")) > 0)
