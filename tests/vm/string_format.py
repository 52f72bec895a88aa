name, n, x = "pyrs", 42, 3.14159
print(f"{name} {n} {x:.2f} {n:5d}|{n:<5}|{n:^7}|{n:>6}|{x:10.3f}|{n:x} {n:#x} {n:o} {n:b}")
print(f"{name!r} {name:>8} {1234567:,} {1234567:_} {0.25:%} {12345.678:e} {1e-7:g} {x:g}")
print("{} and {}".format("a", "b"), "{1} {0}".format("x", "y"), "{k}!".format(k=5))
print("%s is %d years, %.1f%%" % ("bob", 30, 99.5), "%5s|%-5s|%05d" % ("a", "b", 42), "%r" % ("q",))
print(format(3.5, ".3f"), format(255, "x"), format("s", "^5"), f"{-5:+d} {5:+d} {3.0}")
