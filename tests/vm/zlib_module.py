# zlib's one-shot functions: compressed bytes equal CPython's (both use the system zlib),
# round trips for every container (zlib, raw deflate, gzip, automatic), checksums with
# start values of any size, and CPython's errors and messages.
import zlib

data = b"".join(b"line %d of some repetitive text\n" % i for i in range(300))


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__module__, type(e).__name__, e)
    else:
        if isinstance(r, bytes) and len(r) > 60:
            print(label, len(r), zlib.crc32(r), r[:16])
        else:
            print(label, r)


print(zlib.error.__module__, zlib.error.__mro__, repr(zlib.error("x")))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH)
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION)
for level in range(-1, 10):
    show(f"compress level {level}", lambda: zlib.compress(data, level))
for wbits in (8, 9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, wbits=wbits)
    show(f"compress wbits {wbits}", lambda: c)
    back = zlib.decompress(c, wbits=wbits if wbits != 8 else 9)
    print("  round trip", back == data)
for wbits in (-8, 16, 24, 32, 7, 100, -16):
    show(f"bad compress wbits {wbits}", lambda: zlib.compress(b"x", wbits=wbits))
for level in (10, -2, 2**40):
    show(f"bad level {level}", lambda: zlib.compress(b"x", level))
show("empty", lambda: zlib.compress(b""))
show("empty back", lambda: zlib.decompress(zlib.compress(b"")))
show("bytearray", lambda: zlib.decompress(bytearray(zlib.compress(b"abc"))))
show("memoryview", lambda: zlib.compress(memoryview(b"abcabcabc")))
z = zlib.compress(data)
g = zlib.compress(data, wbits=31)
r = zlib.compress(data, wbits=-15)
for label, blob, wbits in [
    ("zlib 0", z, 0), ("zlib 47 auto", z, 47), ("gzip 47 auto", g, 47), ("gzip 32", g, 32),
    ("gzip 31", g, 31), ("raw -15", r, -15), ("raw -8 of -15", r, -8), ("zlib as gzip", z, 31),
    ("gzip as zlib", g, 15), ("zlib wbits 8", z, 8), ("zlib wbits 9", z, 9),
    ("bad wbits 7", z, 7), ("bad wbits 48", z, 48), ("zlib as gzip 16", z, 16),
    ("gzip 16", g, 16), ("bad wbits 20", z, 20), ("bad wbits 36", z, 36), ("bad wbits -5", z, -5),
]:
    show(label, lambda: zlib.decompress(blob, wbits) == data)
small = zlib.compress(b"tiny", wbits=9)
show("9-bit window with wbits 8", lambda: zlib.decompress(small, 8))
show("garbage", lambda: zlib.decompress(b"garbage"))
show("truncated", lambda: zlib.decompress(z[:-3]))
show("truncated early", lambda: zlib.decompress(z[:5]))
show("empty input", lambda: zlib.decompress(b""))
show("trailing data ignored", lambda: zlib.decompress(z + b"trailing") == data)
show("corrupt body", lambda: zlib.decompress(z[:10] + bytes(20) + z[30:]))
show("bufsize 0", lambda: zlib.decompress(z, bufsize=0) == data)
show("bufsize 1", lambda: zlib.decompress(z, bufsize=1) == data)
show("bufsize -1", lambda: zlib.decompress(z, bufsize=-1))
show("bufsize huge", lambda: zlib.decompress(z, bufsize=2**70))
show("bufsize float", lambda: zlib.decompress(z, bufsize=1.0))
show("str data", lambda: zlib.decompress("str"))
show("str compress", lambda: zlib.compress("str"))
show("no args", lambda: zlib.compress())
show("data by name", lambda: zlib.compress(data=b"x"))
show("unknown keyword", lambda: zlib.compress(b"x", levl=1))
show("too many", lambda: zlib.compress(b"x", 1, 15, 3))
show("float level", lambda: zlib.compress(b"x", 1.5))
show("level by name", lambda: zlib.compress(b"abc", level=9))
show("wbits by name", lambda: zlib.decompress(g, wbits=31) == data)
for start in (None, 0, 1, 12345, -1, 2**32 + 5, 2**70 + 3, -(2**70) - 1, True):
    args = (data,) if start is None else (data, start)
    show(f"crc32 {start}", lambda: zlib.crc32(*args))
    show(f"adler32 {start}", lambda: zlib.adler32(*args))
show("crc32 empty", lambda: zlib.crc32(b""))
show("adler32 empty", lambda: zlib.adler32(b""))
show("adler32 big", lambda: zlib.adler32(b"\xff" * 100000))
show("crc32 chained", lambda: zlib.crc32(data[100:], zlib.crc32(data[:100])) == zlib.crc32(data))
show("crc32 str", lambda: zlib.crc32("s"))
show("crc32 float", lambda: zlib.crc32(b"s", 1.0))
show("crc32 no args", lambda: zlib.crc32())
show("crc32 keyword", lambda: zlib.crc32(b"s", value=1))
show("crc32 three", lambda: zlib.crc32(b"s", 1, 2))
