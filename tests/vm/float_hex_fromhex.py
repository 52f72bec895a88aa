for x in [1.0, 0.5, 3.14, -2.0, 0.0, -0.0, 1e300, 5e-324, float("inf"), float("-inf"), float("nan"), 1/3]:
    print(x.hex())
for s in ["0x1.8p1", "0x1p-1074", "-0x1.fffffffffffffp+1023", "inf", "-Infinity", "nan", "0X.8P0", "  0x10  ", "0x1.0000000000000801p0"]:
    print(float.fromhex(s))
for bad in ["0x", "1.5", "0x1p", "0x1p99999"]:
    try: float.fromhex(bad)
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
