# Python classes over io's ABCs and the native types: inherited machinery, finalization.
import io

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = Raw(b"line one\nline two\nend")
print(r.read(4), r.readline(), r.readall(), r.read(), r.closed)
r2 = Raw(b"a\nb\nc")
print(list(r2), r2.readable(), r2.writable(), r2.seekable())
br = io.BufferedReader(Raw(b"buffered\nreader\n"), 4)
print(br.read(3), br.peek(1)[:1], br.readline(), list(br))
tw = io.TextIOWrapper(io.BufferedReader(Raw("ünïcode\nlines\n".encode())), encoding="utf-8")
print(tw.readlines())
with Raw(b"ctx") as c:
    print(c.read())
print(c.closed)
for bad in [lambda: c.read(), lambda: c.fileno(), lambda: Raw(b"").seek(0), lambda: Raw(b"").tell(),
            lambda: Raw(b"").truncate(), lambda: io.RawIOBase().read(1), lambda: io.RawIOBase().write(b"")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

class Sink(io.RawIOBase):
    def __init__(self):
        self.got = []
    def writable(self):
        return True
    def write(self, b):
        self.got.append(bytes(b))
        return len(b)

s = Sink()
w = io.BufferedWriter(s, 8)
w.write(b"abc")
w.write(b"defghijk")
print(s.got)
w.flush()
print(s.got)
w.write(b"tail")
del w  # the finalizer flushes and closes
print(s.got, s.closed)

class Noisy(io.StringIO):
    def close(self):
        print("closing", repr(self.getvalue()))
        super().close()

n = Noisy("bye")
del n
print("after del")

class Text(io.TextIOBase):
    def __init__(self, lines):
        self.lines = list(lines)
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
    def readable(self):
        return True

print(list(Text(["x\n", "y\n"])), Text([]).encoding, Text([]).newlines)
for bad in [lambda: Text([]).read(), lambda: Text([]).write("x"), lambda: Text([]).detach()]:
    try:
        bad()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)

class BIO(io.BufferedIOBase):
    def read(self, n=-1):
        return b"zz"[:n]
b = bytearray(5)
print(BIO().readinto(b), b)
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(Raw(b""), io.IOBase),
      isinstance(io.StringIO(), io.TextIOBase), io.StringIO.__mro__[-3:])
