# memoryview.cast argument checking, in CPython's order. Expected output: CPython 3.11.


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(r.format, r.itemsize, r.ndim, r.shape, r.strides, r.nbytes)


b = bytearray(range(24))
m = memoryview(b)
t(lambda: m.cast("h").cast("i"))
t(lambda: m.cast("i", [2, 3]).cast("h"))
t(lambda: m[:5].cast("h"))
t(lambda: m[:5].cast("B"))
t(lambda: m.cast("i", [2, 2]))
t(lambda: m.cast("i", [2, 3]).cast("B"))
t(lambda: m.cast("i", [2, 3]).cast("c", [24]))
t(lambda: m.cast("i", [2, 3]).cast("B", [4, 6]))
t(lambda: m.cast("i", [2, 3]).cast("B", (4, 6)))
for fmt in ["=i", "<i", ">i", "!i", "ii", "2i", "", "@", "@@B", "x", "s", "p", "e", "g",
            "Z", "O", "é", "\U0001f600", "@é", "B ", " B", "@q"]:
    t(lambda: m.cast(fmt))
t(lambda: m.cast(b"B"))
t(lambda: m.cast(None))
t(lambda: m.cast())
t(lambda: m.cast("B", [24], 1))
t(lambda: m.cast("B", shape=[24]))
t(lambda: m.cast(format="h", shape=(3, 4)))
t(lambda: m.cast("B", foo=1))
t(lambda: m.cast("i", 5))
t(lambda: m.cast("i", "ab"))
t(lambda: m.cast("i", [6.0]))
t(lambda: m.cast("i", [True, 6]))
t(lambda: m.cast("i", [-6]))
t(lambda: m.cast("i", [0]))
t(lambda: m.cast("i", [2**70]))
t(lambda: m.cast("i", []))
t(lambda: m.cast("B", [1] * 64 + [24]))
t(lambda: m.cast("B", [1] * 65))
t(lambda: m.cast("B", [1] * 63 + [24]))
t(lambda: m[::2].cast("B"))
t(lambda: m[::-1].cast("B"))
t(lambda: m[3:3:2].cast("B"))
t(lambda: m[3:4:2].cast("B"))
t(lambda: memoryview(b"").cast("i"))
t(lambda: memoryview(b"").cast("i", [0]))
t(lambda: memoryview(b"").cast("B", [2, 0]))
t(lambda: memoryview(b"abcd").cast("B", [2, 0]))
t(lambda: memoryview(b"abcd").cast("B", []))
t(lambda: memoryview(b"a").cast("B", []))
t(lambda: memoryview(b"a").cast("B", []).cast("B", [1]))
t(lambda: memoryview(b"a").cast("B", []).cast("c"))
t(lambda: memoryview(b"abcd").cast("i", []).cast("B"))
t(lambda: memoryview(b"abcdefgh").cast("d", []))
t(lambda: memoryview(b"ab").cast("i"))
t(lambda: memoryview(b"abcd").cast("c").cast("h"))
t(lambda: memoryview(b"abcd").cast("b").cast("?").cast("B"))
t(lambda: memoryview(b"abcd").cast("?").cast("h"))
r = memoryview(b"abcd")
r.release()
t(lambda: r.cast("B"))
t(lambda: m.cast("h", format="B"))
t(lambda: m.cast("B", [24], shape=[24]))
t(lambda: m.cast(shape=[24]))
t(lambda: m.cast("h", shape=[4, 3], format="B"))
for f in [lambda: m.tobytes("C", order="C"), lambda: m.tobytes("C", "C"),
          lambda: m.tobytes(foo=1), lambda: m.tobytes(order="F")]:
    try:
        print(f()[:4])
    except Exception as e:
        print(type(e).__name__, e)
