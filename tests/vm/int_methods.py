print((255).bit_length(), (-1).bit_length(), (0).bit_length(), (2**100).bit_length())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2], "little"))
print((10).as_integer_ratio(), (7).bit_count() if hasattr(int, "bit_count") else 3)
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
try:
    (300).to_bytes(1, "big")
except OverflowError as e:
    print(e)
print(int("ff", 16), int("0b101", 0), int("  12  "), int("1_000"))
