# _io.BytesIO: reads, writes past the end, seek/tell/truncate, lines, errors, subclasses.
from _io import BytesIO

b = BytesIO(b"hello\nworld\nlast")
print(b.read(3), b.tell(), b.readline(), b.readline(5), b.readline(), b.read(), b.read())
print(b.seek(0), b.readlines())
print(b.seek(0), list(b))
print(b.seek(2), b.readlines(7))
print(b.seek(0, 2), b.seek(-3, 2), b.read(), b.seek(-100, 1), b.tell())
print(b.getvalue())

w = BytesIO()
print(w.write(b"abc"), w.write(bytearray(b"de")), w.write(memoryview(b"fg")), w.getvalue())
print(w.seek(10), w.write(b"Z"), w.getvalue(), w.tell())
print(w.truncate(4), w.getvalue(), w.tell())
print(w.seek(1), w.truncate(), w.getvalue())
w.writelines([b"1", b"22", bytearray(b"333")])
print(w.getvalue(), w.tell())
print(w.readable(), w.writable(), w.seekable(), w.isatty(), w.flush(), w.closed)

buf = bytearray(4)
r = BytesIO(b"xyz")
print(r.readinto(buf), buf, r.readinto(buf), r.read1(), r.read1(5))
r.seek(0)
print(r.read(None), r.read(-1))

for bad in [lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.seek("a"), lambda: b.seek(1.5),
            lambda: b.truncate(-1), lambda: b.write("s"), lambda: BytesIO("s"),
            lambda: b.read("x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

b.close()
print(b.closed)
for m in ["read", "getvalue", "write", "seek", "tell", "readline", "truncate", "readable",
          "flush", "isatty", "__next__", "read1", "readlines", "__enter__"]:
    try:
        getattr(b, m)(*({"write": [b"x"], "seek": [0]}.get(m, [])))
        print(m, "ok")
    except ValueError as e:
        print(m, type(e).__name__, e)

with BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)

class MyBytes(BytesIO):
    def __init__(self, data):
        super().__init__(data * 2)
        self.extra = 1
    def read(self, n=-1):
        return b"<" + super().read(n) + b">"

m = MyBytes(b"ab")
print(type(m).__name__, m.read(), m.extra, m.getvalue(), isinstance(m, BytesIO))
st = m.__getstate__()
print(st)
n = BytesIO()
n.__setstate__((b"state", 2, None))
print(n.read(), n.getvalue())
import copy
c2 = copy.copy(BytesIO(b"copyme"))
print(c2.getvalue())

# Huge sizes raise instead of aborting.
big = BytesIO()
big.seek(2**62)
try:
    big.write(b"x")
except MemoryError:
    print("MemoryError")
