# memoryview over native struct formats: cast, attributes, items, slices, N-D indexing,
# tolist/tobytes/hex, ==, hash, release. Expected output: CPython 3.11.


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        if isinstance(r, memoryview):
            r = ("view", r.format, r.itemsize, r.ndim, r.shape, r.strides, r.nbytes)
        print(repr(r))


def attrs(m):
    return (m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets, m.nbytes,
            m.readonly, m.c_contiguous, m.f_contiguous, m.contiguous)


b = bytearray(range(48))
m = memoryview(b)
for fmt in "bBhHiIlLqQnNfd?cP":
    v = m.cast(fmt)
    print(fmt, attrs(v), len(v), v.obj is b)
    print(v.tolist())
    print(v[0], v[-1], v[1:3].tolist(), v[::-2].tolist())
    print([x for x in v][:3])
    print(v.cast("B").tobytes() == bytes(b), bytes(v) == bytes(b))
    print(v == v, v == m, v == v.cast("B").cast(fmt), v[::2] == v.tolist()[::2])
print(attrs(m.cast("@h")), m.cast("@h").format)

# Writes: range and type checks per format.
vals = [0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, 32768, 65535, 65536, 2**31 - 1,
        2**31, 2**32 - 1, 2**32, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**63, -2**63 - 1,
        True, 1.5, "x", b"a", b"ab", None, [], 1e300, -0.0, float("inf")]
for fmt in "bBhHiIlLqQnNfd?cP":
    w = memoryview(bytearray(16)).cast(fmt)
    out = []
    for x in vals:
        try:
            w[0] = x
            out.append(repr(w[0]))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(fmt, out)


class Idx:
    def __index__(self):
        return 7


w = memoryview(bytearray(8)).cast("i")
w[1] = Idx()
print(w.tolist())
t(lambda: w.__setitem__(0, 3.0))
d = memoryview(bytearray(8)).cast("d")
d[0] = 3
print(d.tolist())

# ? reads any non-zero byte as True; values special floats.
print(memoryview(bytes([0, 1, 2, 255])).cast("?").tolist())
fl = memoryview(bytearray(16)).cast("d")
fl[0] = float("nan")
fl[1] = float("-inf")
print(fl.tolist(), fl == fl, fl[1:] == fl[1:])

# N-D views
z = m.cast("i", [3, 4])
print(attrs(z), len(z))
print(z.tolist())
print(z[1, 2], z[-1, -1], z[0, 0])
t(lambda: z[0])
t(lambda: z[3, 0])
t(lambda: z[0, 4])
t(lambda: z[0, -5])
t(lambda: z[0, 0, 0])
t(lambda: z[0:1, 0])
t(lambda: z[0:1, 0:1])
t(lambda: z[1.0, 0])
t(lambda: z["a"])
t(lambda: z[(0,)])
t(lambda: z[Idx(), 0])
t(lambda: z[::-1].tolist())
t(lambda: z[1:].tolist())
t(lambda: z[::2])
t(lambda: attrs(z[::2]))
t(lambda: list(z))
z[1, 1] = -5
print(z[1, 1], b[20:24])
t(lambda: z.__setitem__(0, 1))
t(lambda: z.__setitem__(slice(0, 1), b"x"))
t(lambda: z.__setitem__((0, 0, 0), 1))
t(lambda: z.__setitem__((slice(0, 1), slice(0, 1)), 1))
t(lambda: z.__setitem__((0, 0), 2**40))
print(z.tobytes() == bytes(b), z.tobytes("C") == bytes(b), z.tobytes(None) == bytes(b))
print(z.tobytes("F"))
print(z.tobytes("A") == bytes(b))
t(lambda: z.tobytes("X"))
t(lambda: z[::-1].tobytes())
t(lambda: z[::-1].tobytes("F"))
print(z.hex(), z.hex(":", 4))
print(z.cast("B").tolist() == list(b))
print(z == m.cast("i", [3, 4]), z == m.cast("I", [3, 4]), z == m.cast("i", [4, 3]),
      z == m.cast("i"), z == b)
print(m.cast("B", [2, 3, 8]).tolist())
print(attrs(m.cast("B", [2, 3, 8])))
print(attrs(m.cast("i", [12, 1])), attrs(m.cast("i", [1, 12])))

# 0-dimensional views
o = memoryview(bytearray(b"\x05\x00\x00\x00")).cast("i", [])
print(attrs(o), len(o), o.tolist(), o[()])
t(lambda: o[...] is o)
t(lambda: o[0])
o[()] = 9
print(o.tolist(), o.tobytes())
o[...] = 10
print(o.tolist())
t(lambda: o.__setitem__(0, 1))

# Slicing 1-D views with steps, and writing through them.
h = memoryview(bytearray(range(20))).cast("h")
s = h[1::3]
print(attrs(s), s.tolist())
s[0] = -1
print(h.tolist())
h[0:2] = memoryview(bytearray(4)).cast("h")
print(h.tolist())
t(lambda: h.__setitem__(slice(0, 2), bytes(4)))
t(lambda: h.__setitem__(slice(0, 2), memoryview(bytearray(8)).cast("i")))
t(lambda: h.__setitem__(slice(0, 2), memoryview(bytearray(6)).cast("h")))
t(lambda: h.__setitem__(slice(0, 2), 5))
t(lambda: h[::2].cast("B"))
t(lambda: h.__delitem__(0))

# Comparisons across formats.
M = memoryview
print(M(b"\x01\x00").cast("h") == M(b"\x01\x00\x00\x00").cast("i"))
print(M(b"\x81").cast("b") == M(b"\x81"), M(b"\x81").cast("c") == M(b"\x81"))
print(M(b"\x02").cast("?") == M(b"\x01").cast("?"), M(b"\x02").cast("?") == M(b"\x01"))
print(M(b"\x00\x00\x80\x3f").cast("f") == M(b"\x01"),
      M(b"\x00\x00\x00\x00\x00\x00\xf0\x3f").cast("d") == M(b"\x00\x00\x80\x3f").cast("f"))
print(M(b"ab") == "ab", M(b"ab") == [97, 98], M(b"ab") == bytearray(b"ab"), M(b"ab") != b"ab")
print(M(b"abcd").cast("@B") == M(b"abcd"), M(b"\x01\x00").cast("B", [1, 2]) == M(b"\x01\x00"))
print(M(b"") == M(b"").cast("i"), M(b"") == M(b"").cast("B"))

# hash
print(hash(M(b"abcd").cast("c")) == hash(b"abcd"), hash(M(b"abcd").cast("b")) == hash(b"abcd"))
t(lambda: hash(M(b"abcd").cast("h")))
t(lambda: hash(M(bytearray(b"abcd")).cast("h")))
t(lambda: hash(M(bytearray(b"abcd")).cast("c")))
t(lambda: hash(M(b"abcd").cast("B", [2, 2])) == hash(b"abcd"))

# release / context manager
with M(b"abcd").cast("h") as r:
    print(r.tolist())
t(lambda: r.tolist())
t(lambda: r.format)
t(lambda: r[0])
print(r == r, r == M(b"abcd").cast("h"))

# memoryview of a memoryview keeps format and shape
mm = memoryview(m.cast("H", [4, 6]))
print(attrs(mm), mm.obj is b)
ro = m.cast("h").toreadonly()
print(attrs(ro))
t(lambda: ro.__setitem__(0, 1))

# Protocols over typed views: bool, in, bytes()/bytearray()/join, 0-d len, key kinds.
b = bytearray(range(24))
m = memoryview(b)
h = m.cast('h')
t(lambda: bool(h))
t(lambda: bool(memoryview(b'').cast('i')))
t(lambda: list(m.cast('c'))[:3])
t(lambda: 770 in h)
t(lambda: bytes(m.cast('i', [2, 3])))
t(lambda: bytearray(h))
t(lambda: b''.join([h, m.cast('B', [4, 6])]))
t(lambda: list(memoryview(b'abcd').cast('i', [])))
t(lambda: bool(memoryview(b'abcd').cast('i', [])))
t(lambda: len(memoryview(b'abcd').cast('i', [])))
t(lambda: h[...])
t(lambda: h[True])
t(lambda: m.cast('i', [2,3])[...].shape)
t(lambda: h.__setitem__(Ellipsis, 1))
t(lambda: m.cast('i',[2,3])[()])
t(lambda: h[()])
t(lambda: h[2**70])
t(lambda: h[-2**70])
t(lambda: h.tobytes(order='F'))
t(lambda: h.tobytes(order=1))
t(lambda: h.hex('-'))
t(lambda: h[::-1].hex())
t(lambda: str(h.cast('B')[:2].tobytes()))
t(lambda: int.from_bytes(h[:2], 'little'))
t(lambda: h.count if hasattr(h, 'count') else 'no count')
t(lambda: h == h[:])
t(lambda: m.cast('f')[0] == m.cast('f').tolist()[0])
t(lambda: m.cast('B', [2, 12]).tolist() == [list(b[:12]), list(b[12:])])

# float packing (f32 rounding, NaN, overflow), comparisons, N-D orders, negative steps.
b = bytearray(range(48))
m = memoryview(b)
f = memoryview(bytearray(8)).cast('f')
f[0] = 0.1; f[1] = float('nan')
t(lambda: f.tolist())
t(lambda: f.__setitem__(0, 2**1024))
t(lambda: f.__setitem__(0, 2**200))
t(lambda: f.tolist())
d = memoryview(bytearray(8)).cast('d')
t(lambda: d.__setitem__(0, 2**1024))
t(lambda: d.__setitem__(0, True))
t(lambda: d.tolist())
t(lambda: m < m)
t(lambda: m.cast('h') <= b'')
t(lambda: m.cast('c', [2, 24]).tolist()[1][:3])
t(lambda: m.cast('B', [2, 3, 8]).tobytes('F')[:10])
t(lambda: m.cast('B', [2, 3, 8])[::-1].tobytes('A')[:10])
t(lambda: m.cast('B', [2, 3, 8])[::-1].hex()[:10])
t(lambda: m.cast('B', [2, 3, 8])[::-1].nbytes)
t(lambda: m[::-3].nbytes)
t(lambda: m.cast('h', [True, 24]).shape)
t(lambda: m.cast('h', shape=[4, 6], format='B'))
t(lambda: m.cast('h', [24]).cast('B').cast('i', [12]) if False else m.cast('i', [12]).shape)
t(lambda: m.cast('i', (2, 2, 3))[1, 1, 2])
t(lambda: m.cast('i', (2, 2, 3))[1, 1, 3])
t(lambda: m.cast('i', (2, 2, 3))[1, 2, 0])
t(lambda: m.cast('i', (2, 2, 3))[1:, 1])
t(lambda: m.cast('q')[-1])
t(lambda: m.cast('q')[-7])
t(lambda: m.cast('q')[6])
t(lambda: m.cast('q')[::-1][0])
t(lambda: m.cast('?')[1:3] == [True, True])
t(lambda: m.cast('B')[2:5] == m[2:5])
t(lambda: m.cast('i', [3, 4]) == m.cast('i', [3, 4])[::1])
t(lambda: m.cast('i', [3, 4])[::2] == m.cast('i', [3, 4])[::2])
t(lambda: memoryview(bytearray(4)).cast('i', [1, 1]).__setitem__((0, 0), -1))
x = memoryview(bytearray(4)).cast('i', [1, 1]); x[0, 0] = -2
t(lambda: x.tolist())
t(lambda: x.tobytes())

# Huge shapes and steps (no overflow), __float__/__index__ items, double release.
b = bytearray(range(48))
m = memoryview(b)
t(lambda: m.cast('B', [2**62, 2**62]))
t(lambda: m.cast('q', [2**61, 2**61]))
t(lambda: m.cast('B', [2**63 - 1]))
t(lambda: m[2**62:])
t(lambda: m.cast('q')[::2**62].tolist())
t(lambda: m.cast('q')[-2**62::-2**62].tolist())
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 3
d = memoryview(bytearray(16)).cast('d')
t(lambda: d.__setitem__(0, F()))
t(lambda: d.__setitem__(1, I()))
t(lambda: d.tolist())
h = memoryview(bytearray(4)).cast('h')
t(lambda: h.__setitem__(0, F()))
t(lambda: h.__setitem__(I(), 5))
t(lambda: h[I()])
t(lambda: h.tolist())
q = memoryview(b)
t(lambda: (q.release(), q.release(), q.tolist()))
t(lambda: memoryview(bytearray(3)).cast('B', [1, 3]).tolist())
