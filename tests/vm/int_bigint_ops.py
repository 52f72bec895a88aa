a = 2 ** 100
print(a, -a, a // 3, a % 7, a >> 90, 1 << 70, a & (2**64 - 1), a | 1, a ^ a, ~a)
print(divmod(-a, 7), abs(-a), a == 2 ** 100, a > 2 ** 99, str(a)[:5], len(str(3 ** 1000)))
print(int("1" * 30) + 1, (10**30) // (10**15), (-10**30) // 7, pow(3, 200) % 1000)
print(float(2**60), 2**53 + 1 == float(2**53 + 1), (2**100) / 2**98, round(2**70 / 3))
try:
    float(10**400)
except OverflowError as e:
    print(e)
print(int(1e20), int(-2.9), int(True), 0 == -0, (-1) ** 0.5 == (-1) ** 0.5 if False else 0)
