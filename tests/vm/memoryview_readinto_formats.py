# readinto() fills a typed or N-D memoryview's bytes (the `w*` buffer), and refuses
# read-only and non-contiguous views with the converter's TypeError. Expected: CPython 3.11.
import io


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


b = bytearray(8)
t(lambda: io.BytesIO(b"abcdefgh").readinto(memoryview(b"xx")))
t(lambda: io.BytesIO(b"abcdefgh").readinto(memoryview(b)[::2]))
t(lambda: io.BytesIO(b"abcdefghij").readinto(memoryview(b).cast("i")))
print(b)
t(lambda: io.BytesIO(b"ABCDEFGHIJ").readinto(memoryview(b).cast("h", [2, 2])))
print(b)
t(lambda: io.BytesIO(b"xyz").readinto(memoryview(b)[2:].cast("h")))
print(b, memoryview(b).cast("H").tolist())
src = io.BytesIO()
src.write(memoryview(bytes(range(16))).cast("q"))
src.write(memoryview(bytes(range(8))).cast("B", [2, 4]))
print(src.getvalue())
src.seek(0)
f = io.BufferedReader(src)
z = bytearray(16)
print(f.readinto(memoryview(z).cast("i", [2, 2])), z)
z = bytearray(24)
print(f.readinto(memoryview(z).cast("d")), z)
t(lambda: f.readinto(memoryview(z)[::3]))
t(lambda: f.readinto(memoryview(bytes(4)).cast("i")))
