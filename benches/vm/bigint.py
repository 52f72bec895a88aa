# Arbitrary-precision integers: the pidigits spigot (Gibbons' unbounded algorithm) plus
# factorials and powers.
def pidigits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


d = pidigits(2500)
print("".join(map(str, d[:50])), sum(d))
f = 1
for i in range(1, 2000):
    f *= i
print(f.bit_length(), f % 1000003, len(str(f >> 10000)))
print(pow(3, 20000, 10**40), (7**3000) >> 8000)
