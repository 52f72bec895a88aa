vals = [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005, 123.456, -123.456, 1e-10, 5e15 + 0.5]
for v in vals:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(12345, -1), round(12355, -1), round(-12345, -1), round(2**70 + 5, -1), round(15, -1), round(25, -1))
print(round(1.23456789e-300, 305), round(1e308, -308), round(0.5 + 2**-53))
print(round(1.7976931348623157e308, -308) if False else "skip", round(123.456, -1), round(-0.4), round(0.5, 0), round(2.5e-320, 322), round(1e-320, 321))
try: round(1.7976931348623157e308, -308)
except OverflowError as e: print(e)
print(round(5e-324, 323), round(5e-324, 324), round(12345.6789, -3), round(-12345.6789, -2), round(0.05, 1), round(0.15, 1), round(0.25, 1))
