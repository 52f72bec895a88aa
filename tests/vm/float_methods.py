print((1.5).hex(), (0.1).hex(), (-2.0).hex(), (0.0).hex())
print(float.fromhex("0x1.8p0"), float.fromhex("0x1p-2"))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((2.0).is_integer(), (2.5).is_integer())
print(float("inf"), float("-inf"), float("nan"))
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(e)
print((3.7).conjugate(), (3.7).real, (3.7).imag)
