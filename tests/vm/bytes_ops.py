b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b + b"!", b * 2, len(b), b"ell" in b, 104 in b, list(b[:2]))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), b"a" < b"b", b"abc" == b"abc", hash(b"") == hash(b""))
try: bytes([256])
except ValueError as e: print(e)
try: b"a" + "b"
except TypeError as e: print(e)
print(b.hex(), b.hex(":"), bytes.fromhex("68 65"), b.decode(), b"\xff".decode("latin-1"), repr(b"\x00\n'\""))
try: b"\xff".decode()
except UnicodeDecodeError as e: print(e)
print(b"\xff".decode("utf-8", "replace"), b"\xffa".decode("utf-8", "ignore"), b"a\xffb".decode("ascii", "backslashreplace"))
print(b"a,b".split(b","), b" x ".strip(), b"abc".upper(), b"x".center(5, b"-"), b"ab".zfill(4))
