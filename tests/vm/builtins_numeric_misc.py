print(abs(-3), abs(-2.5), abs(True), sum([1, 2, 3]), sum([0.1] * 3), sum([], 10), sum(range(101)))
print(min([3, 1]), max("abc"), min((2, "b"), (1, "z")), max(1, 2, key=lambda x: -x))
try:
    max([])
except ValueError as e:
    print(e)
print(any([0, "", 1]), all([]), all([1, 0]), any(x > 2 for x in range(4)))
print(chr(65), ord("A"), chr(0x1F600) == "\U0001F600", ord("é"))
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
print(bin(10), oct(-8), hex(255), int("-0x1f", 16), int("z", 36))
print(divmod(-7.5, 2), 2 ** -1, (-2) ** 2, -2 ** 2, 10 ** 20, 7 % -3, -7 // 2)
