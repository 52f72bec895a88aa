# 'f' / 'F' / '%' formatting of floats: correctly rounded (half to even on the exact
# binary value), at every precision, across magnitudes (the integer-arithmetic path below
# 1e15 with precision <= 20, and the general one above), ties, subnormals, -0.0.
seed = 12345


def rand():
    # A fixed LCG (no `random` module needed): floats in [0, 1).
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (seed >> 11) / 2 ** 53


values = [0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 0.625, 2.675, 1.005, 1e-5, 5e-324,
          2.2250738585072014e-308, 1e-320, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 123.456, 999.9995,
          9.5, 10.5, 0.05, 0.15, 0.25, 0.35, 0.45, 1e14, 999999999999999.9, 1e15,
          1e15 + 0.5, 1e16, 123456789012345.67, 4503599627370495.5, 2.0 ** 52, 2.0 ** 53,
          1e22, 1e300, 7.0, 0.999999, 0.9999995, 0.99999949999, 3.14159265358979,
          float("inf"), float("-inf"), float("nan")]
for _ in range(120):
    e = int(rand() * 51) - 30
    values.append(rand() * 10.0 ** e)
    values.append(-rand() * 10.0 ** e)
    values.append(int(rand() * 10 ** 6) / 2 ** int(1 + rand() * 12))
for x in values:
    row = []
    for p in [0, 1, 2, 3, 5, 8, 12, 17, 20, 21, 25]:
        row.append(format(x, f".{p}f"))
    row.append(format(x, "f"))
    row.append(format(x, "F"))
    row.append(format(x, ".3%"))
    row.append(f"{x:12.4f}|{x:+.2f}|{x:z.1f}|{x:#.0f}|{x:_.2f}|{x:,.3f}")
    row.append("%.2f %8.3f %-9.1f %.0f" % (x, x, x, x))
    print(" ".join(row))
