# BINARY_OP on two ints or two floats runs in place on the value stack: overflow past
# i64 must still promote to a big int, negative operands of % and // must floor, float
# division by zero must raise, and bools/mixed/big operands take the general path.
M = 2**63 - 1
m = -(2**63)
print(M + 1, m - 1, M * 2, m * -1, M - m, 3037000500 * 3037000500)
x = M
x += 1
print(x, type(x).__name__)
for a in (7, -7, 0):
    for b in (3, -3):
        print(a, b, a + b, a - b, a * b, a % b, a // b, a / b)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
f = [1.5, -2.25, 0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e308]
for a in f:
    for b in f:
        r = [a + b, a - b, a * b]
        try:
            r.append(a / b)
        except ZeroDivisionError as e:
            r.append("ZDE: " + str(e))
        print(a, b, r)
print(True + True, True * 3, 1 + 2.5, 2.5 - 1, 10**20 + 1, (2**64) // 3, -(2**64) % 7)
acc = 0.0
for i in range(1000):
    acc += i * 0.5
    acc -= i / 3.0
print(acc)
n = 1
for i in range(70):
    n = n * 2 + 1
print(n)
