b = b"hello world"
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"o"), b.startswith(b"he"), b.count(b"l"))
print(b[0], b[:5], b.hex(), bytes.fromhex("6869"), b.decode("ascii"), list(b"ab"))
print(bytes(3), bytes([65, 66]), b"a" + b"b", b"ab" * 2, b"-".join([b"a", b"b"]), b.strip(b"hd"))
print(repr(b"\x00\xff'"), b"abc" < b"abd", len(b), b.isalpha(), b"12".isdigit())
try:
    bytes([256])
except ValueError as e:
    print(e)
print(b"a,b,,c".split(b","), b"a b c".split(maxsplit=1), b"  x  ".lstrip(), b"xxaxx".rstrip(b"x"))
print(b"abcabc".rfind(b"b"), b"abc".find(98), b"aaa".count(b"a"), b"abc".replace(b"", b"-"), b"aaa".replace(b"a", b"b", 2))
print(b"abc".endswith((b"x", b"bc")), b"ABC".isupper(), b"".isalpha(), b"a b".isspace())
try:
    b"abc".index(b"z")
except ValueError as e:
    print(e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(e)
try:
    b"a".join(["s"])
except TypeError as e:
    print(e)
