# bytes and bytearray case methods and case predicates are ASCII-only: bytes 0x80-0xFF
# (Latin-1 letters such as 0xC9 'É' and 0xE9 'é') are never converted nor cased.
every = bytes(range(256))
words = [every, b"hello WORLD", b"\xc9t\xe9 \xe9T\xc9", b"a1b2 c_d-e'f", b"", b"\xdf\xff\xb5"]
for w in words:
    for t in (bytes, bytearray):
        v = t(w)
        for m in ("lower", "upper", "swapcase", "capitalize", "title"):
            r = getattr(v, m)()
            print(t.__name__, m, type(r).__name__, r == v, r)
        print(t.__name__, [getattr(v, p)() for p in ("islower", "isupper", "istitle",
                                                      "isalpha", "isalnum", "isspace",
                                                      "isdigit", "isascii")])
for b in range(256):
    one = bytes([b])
    flags = [one.islower(), one.isupper(), one.istitle(), one.isalpha(), one.isalnum(),
             one.isspace(), one.isdigit()]
    if any(flags) or one.upper() != one or one.lower() != one or one.title() != one:
        print(b, flags, one.upper(), one.lower(), one.title(), one.swapcase(), one.capitalize())
