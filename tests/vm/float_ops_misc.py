print(0.1 + 0.2, 1 / 3, 1e16, 1e-5, 123456789.0 * 10, -0.0, 2.5e-320, 1.7976931348623157e308)
print(float("  1.5 "), float("1e3"), float("-inf"), float("nan") != float("nan"), 3.0 == 3, 7.0 // 2, 7.5 % 2)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
print(2.0 ** 0.5, (-8.0) ** (1 / 3) if False else 0, 10.0 ** -2, int(3.999), round(3.999, 1))
print(1e300 * 1e10, -1e300 * 1e10, float(10**20), 5e-324 / 2)
