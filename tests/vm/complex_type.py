z = complex(1, 2)
print(z, z.real, z.imag, abs(complex(3, 4)), z.conjugate(), type(z).__name__)
print(z + 1, z * z, z / 2, z - 1j, 1j ** 2, -z, +z, 2 * z, 1 / z, z ** 0.5, z ** -2)
print(repr(1j), repr(complex(0, 0)), repr(complex(-0.0, -1)), complex("1+2j"), complex(2), complex("-1.5e3-2J"))
print(z == complex(1, 2), z != 1, complex(3, 0) == 3, complex(3, 0) == 3.0, hash(complex(1, 0)) == hash(1), hash(2j))
print(complex(" (3-4j) "), complex("j"), complex("-j"), complex("inf+nanj"), complex(1j, 1j), complex(real=2, imag=3))
print(bool(0j), bool(1j), 0j == 0, 1e308j * 10, complex(2, 3) ** 2, (1 + 1j) ** 101 == (1 + 1j) ** 101)
for bad in ["1+", "abc", "1 + 2j", "", "1+2jj"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)
for expr in (lambda: z < z, lambda: z // 2, lambda: z % 2, lambda: 1j / 0, lambda: 0j ** -1, lambda: complex(None), lambda: complex("1", 2), lambda: int(z), lambda: float(z)):
    try:
        expr()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(isinstance(1j, complex), [1j, 2+0j], {1j: "x"}[1j], str(3+0j), sum([1j, 2j]), abs(-2j))
