print(int("-42"), int("1_000"), int("0x1F", 16), int("z", 36), str(-0), str(10 ** 20))
for bad in ["", "1.5", "abc", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
print(float("  3.5 "), float("1e3"), float("-inf"), repr(float("nan")))
try:
    float("x1")
except ValueError as e:
    print(e)
print(bool(0.0), bool(-1), int(True), float(False), (5).bit_length(), (255).bit_count())
