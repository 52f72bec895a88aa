print("%d %i %u" % (1, -2, 3), "%5.2f|%-6d|%06d" % (3.14159, 42, -7), "%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%e %E %g %G" % (12345.678, 0.00012, 1e-5, 1e20), "%c%c" % (65, "b"), "%r %s %a" % ("x", "y", "é"))
print("%(name)s is %(age)d" % {"name": "Al", "age": 3}, "%%", "%s" % [1, 2], "%s" % (1,), "%.3s" % "abcdef")
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159), "% d" % 5, "%+d" % 5, "%+.1e" % -1.5)
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1114112)]:
    try: print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e: print(type(e).__name__, e)

