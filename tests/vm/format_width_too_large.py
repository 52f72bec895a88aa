# Widths too large to allocate (MemoryError) or to parse (ValueError) in bytes % and complex format specs.
for f in [lambda: b"%9223372036854775807s" % b"x", lambda: format(1j, ">9223372036854775807"), lambda: b"%99999999999999999999d" % 1, lambda: format(1j, "99999999999999999999")]:
    try:
        print(len(f()))
    except Exception as e:
        print(type(e).__name__, e)
