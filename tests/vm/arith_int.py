print(1 + 2, 7 - 10, 6 * 7, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, 2 ** 10)
print(1 << 10, 1024 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5, -(-3), +4)
print(divmod(17, 5), divmod(-17, 5), abs(-9), pow(2, 10), pow(3, 4, 5))
x = 10
x += 5; x -= 2; x *= 3; x //= 2; x %= 7
print(x)
print(True + True, True * 10, False - 1)
