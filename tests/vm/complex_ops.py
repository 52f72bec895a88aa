a = 3 + 4j
b = complex(1, -2)
print(a + b, a - b, a * b, a / b, -a, +a, a == complex(3, 4), a != b, abs(a), a.conjugate())
print(a ** 2, a ** 0.5, 2 ** a, pow(a, 2), complex("1+2j"), complex("-1.5e3j"), complex(" (1-1j) "), complex(2))
print(a.real, a.imag, (1j).imag, 1j * 1j, repr(complex(0, 0)), complex(1, float("inf")))
try: a < b
except TypeError as e: print(e)
try: 1 / 0j
except ZeroDivisionError as e: print(e)
try: complex("1+")
except ValueError as e: print(e)
print(hash(1 + 0j) == hash(1), bool(0j), bool(1e-300j), complex(True), 1 + 1j == 1 + 1.0j)
