print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2))
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2, -1), pow(-8, 1/3) if False else 0)
print(pow(2, 100, 10**9 + 7))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
print(7 // -2, -7 % 3, 7.0 // 2, -7.0 % 3)
