# zlib.compressobj / decompressobj: streamed output equals CPython's byte for byte (both
# run the system zlib), max_length and unconsumed_tail, unused_data after the end, eof,
# flush modes, zdict, the containers, and CPython's errors.
import zlib

data = b"".join(b"record %05d: some text that repeats\n" % i for i in range(2000))


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__module__, type(e).__name__, e)
    else:
        if isinstance(r, bytes) and len(r) > 40:
            print(label, len(r), zlib.crc32(r))
        else:
            print(label, r)


print(type(zlib.compressobj()), type(zlib.decompressobj()))
show("new Compress", lambda: type(zlib.compressobj())())
for args in [(), (9,), (1, zlib.DEFLATED, -15), (6, 8, 31), (0,), (-1, 8, 9)]:
    c = zlib.compressobj(*args)
    parts = [c.compress(data[i:i + 7000]) for i in range(0, len(data), 7000)]
    parts.append(c.flush())
    blob = b"".join(parts)
    show(f"compressobj{args}", lambda: blob)
    print("  same as one-shot", args[2:] == () and blob == zlib.compress(data, *args[:1]))
    wbits = args[2] if len(args) > 2 else 15
    show("  back", lambda: zlib.decompress(blob, wbits) == data)
c = zlib.compressobj()
pieces = [c.compress(b"a" * 100), c.flush(zlib.Z_SYNC_FLUSH), c.compress(b"b" * 100),
          c.flush(zlib.Z_FULL_FLUSH), c.compress(b"c"), c.flush(zlib.Z_PARTIAL_FLUSH),
          c.flush(zlib.Z_NO_FLUSH), c.flush()]
print([p for p in pieces])
show("compress after finish", lambda: c.compress(b"x"))
show("flush after finish", lambda: c.flush())
show("bad flush mode", lambda: zlib.compressobj().flush(99))
for kw in [dict(level=10), dict(method=9), dict(wbits=99), dict(wbits=-8), dict(memLevel=0),
           dict(memLevel=10), dict(strategy=99), dict(level=1.5), dict(zdict="s"), dict(bogus=1)]:
    show(f"compressobj {kw}", lambda: zlib.compressobj(**kw))

z = zlib.compress(data)
d = zlib.decompressobj()
out = []
for i in range(0, len(z), 333):
    out.append(d.decompress(z[i:i + 333]))
out.append(d.flush())
print("chunked", b"".join(out) == data, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
got = d.decompress(z, 1000)
print("max_length", len(got), len(d.unconsumed_tail), d.eof)
total = got
while d.unconsumed_tail:
    total += d.decompress(d.unconsumed_tail, 5000)
print("  drained", total == data, d.eof)
d = zlib.decompressobj()
print("unused", d.decompress(z + b"extra") == data, d.unused_data, d.eof)
print("  more after eof", d.decompress(b"more"), d.unused_data, d.flush())
d = zlib.decompressobj()
print("flush with limit", len(d.decompress(z, 10)), len(d.flush()), d.eof)
d = zlib.decompressobj()
print("truncated", len(d.decompress(z[:100])), d.flush()[:10], d.eof)
show("bad data", lambda: zlib.decompressobj().decompress(b"not zlib data"))
show("negative max_length", lambda: zlib.decompressobj().decompress(z, -1))
show("flush length 0", lambda: zlib.decompressobj().flush(0))
show("decompress no args", lambda: zlib.decompressobj().decompress())
show("decompressobj bad wbits", lambda: zlib.decompressobj(99))
show("decompressobj zdict str", lambda: zlib.decompressobj(zdict="s"))
for wbits in (31, 47, -15, 9):
    blob = zlib.compress(data, wbits=wbits if wbits != 47 else 31)
    d = zlib.decompressobj(wbits)
    print("wbits", wbits, d.decompress(blob[:50]) + d.decompress(blob[50:]) == data, d.eof)
d = zlib.decompressobj(47)
z15 = zlib.compress(data)
print("auto zlib", d.decompress(z15) == data)
zd = b"record some text that repeats"
c = zlib.compressobj(zdict=zd)
withdict = c.compress(data) + c.flush()
show("zdict stream", lambda: withdict)
print("zdict back", zlib.decompressobj(zdict=zd).decompress(withdict) == data)
show("zdict missing", lambda: zlib.decompressobj().decompress(withdict))
c = zlib.compressobj(wbits=-15, zdict=zd)
raw = c.compress(data) + c.flush()
print("raw zdict back", zlib.decompressobj(-15, zdict=zd).decompress(raw) == data)
d = zlib.decompressobj()
show("readonly eof", lambda: setattr(d, "eof", True))
show("new Decompress", lambda: type(zlib.decompressobj())())
show("del eof", lambda: delattr(d, "eof"))
show("set unused_data", lambda: setattr(d, "unused_data", b""))
