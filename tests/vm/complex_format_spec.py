# format() and f-string specs for complex numbers (format_complex_internal).
values = [1.5 + 2j, complex(-0.0, -3.25), 2j, 1234567.5 - 0.5j, complex("nan+infj"), 0j,
          complex(-0.0, 1.0), 1e20 + 1e-7j, -1.0 - 0j]
specs = ["", "10", "<20", "^20", ">20", "*^24", "x<10", "+", " ", "-", ",", "_",
         ".2f", ",.2f", "+.3e", "E", "G", "#g", "z.1f", ".3", "15.4g", "n", "%", "d", "s",
         "010", "=10", "0=10", ",_", ",n", ".", "1.2.3"]
for s in specs:
    row = []
    for z in values:
        try:
            row.append(repr(format(z, s)))
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(repr(s), " | ".join(row))
z = 3 - 4j
w = 7
print(f"{z}|{z:.1f}|{z:>{w}}|{z!r:>12}|{z:+.2e}")
print("{:^16.3f}".format(z), "{0.real:.1f} {0.imag:.1f}".format(z))
