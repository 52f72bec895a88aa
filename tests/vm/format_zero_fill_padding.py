# format() padding: a leading '0' fills with '0' (numbers default to '=' alignment,
# strings keep '<' since 3.10), explicit fill and alignment, and the f-string fields
# the benchmarks use.
for spec in ["", "5", "<5", ">5", "^6", "*^9", "08", "<08", "^08", ">08", "+08.2f", "x<4", "é>5", "-^7"]:
    for v in [3, -3, 2.5, "ab", "héllo"]:
        try:
            print(repr(spec), repr(format(v, spec)))
        except (ValueError, TypeError) as e:
            print(repr(spec), type(e).__name__, e)
print(f"{12:4d}|{'x':<10}|{7:>5}|{3.14159:8.2f}|{-5:08}|{'ab':^7}")
print("%5d|%-5s|%05d|%s|%d" % (3, "x", -42, "plain", 7))
