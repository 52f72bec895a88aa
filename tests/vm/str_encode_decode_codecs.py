s = "aé€𝄞"
for enc in ["utf-8", "UTF8", "latin-1", "ascii", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"]:
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e, e.encoding, e.start, e.end, e.reason)
for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    print(errors, s.encode("ascii", errors), s.encode("latin-1", errors))
for bad in [b"\xff", b"a\xe4\xbd", b"\xe4a", b"\xf0\x9f\x98a", b"\xed\xa0\x80", b"\xc0\xaf", b"ok\x80\x81"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(bad, e, e.start, e.end, e.reason, e.object)
    for errors in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
        print("  ", errors, ascii(bad.decode("utf-8", errors)))
print(b"\xff\xfe".decode("ascii", "replace"), b"caf\xe9".decode("latin-1"), b"\xff\xfea\x00".decode("utf-16"))
try: b"a\x00b".decode("utf-16-le")
except UnicodeDecodeError as e: print(e)
try: "x".encode("no-such-codec")
except LookupError as e: print(e)
try: "x".encode("utf-8", "no-such-handler")
except LookupError as e: print(e)
try: b"\xff".decode("ascii")
except UnicodeDecodeError as e: print(e)
print("\udcff".encode("utf-8", "surrogateescape"), "\ud800".encode("utf-8", "surrogatepass"), ascii(b"\xed\xa0\x80".decode("utf-8", "surrogatepass")))
print("x".encode(encoding="ascii"), b"y".decode(errors="strict"), str(b"abc", "ascii"), str(b"\xff", "latin-1"), bytes("é", "utf-8"))
