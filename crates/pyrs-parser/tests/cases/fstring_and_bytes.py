x = f"{a!r:>{w}} {b=} {{lit}}"
y = rb"\x00" b"z"
