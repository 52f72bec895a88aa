for a in (7, -7):
    for b in (2, -2):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(7 // 2.0, -7 // 2.0, 7 % -2.5, -0.0 // 1, 1 // -1e-300 if False else 0)
print(10 ** -1, 2 ** 0.5, 0 ** 0, (-8) ** (1/3) if False else 0, pow(-2, 3), pow(2.0, -2))
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
try:
    5.0 // 0
except ZeroDivisionError as e:
    print(e)
