# CPython's Lib/io.py runs unmodified over the native _io.
import io, _io
print(io.open is open is _io.open, io.open_code, io.DEFAULT_BUFFER_SIZE)
print(io.UnsupportedOperation.__mro__, io.UnsupportedOperation.__module__)
print(io.BlockingIOError is BlockingIOError, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(sorted(n for n in dir(_io) if not n.startswith("__")))
for name in ["FileIO", "BytesIO", "StringIO", "BufferedReader", "BufferedWriter",
             "BufferedRandom", "BufferedRWPair", "TextIOWrapper"]:
    cls = getattr(io, name)
    print(name, cls, [b.__name__ for b in cls.__mro__],
          issubclass(cls, io.IOBase), isinstance(cls.__new__(cls), io.IOBase))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BytesIO, io.BufferedIOBase),
      issubclass(io.StringIO, io.TextIOBase), issubclass(io.BufferedReader, io.RawIOBase))
print(io.IOBase.__mro__, io.RawIOBase.__mro__)
print(io.text_encoding(None), io.text_encoding("x"))
try:
    io.open_code(b"x")
except TypeError as e:
    print(e)
e = io.UnsupportedOperation("x")
print(isinstance(e, OSError), isinstance(e, ValueError))
d = io.IncrementalNewlineDecoder(None, True)
print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("\nb\r\r\n", True)), d.newlines, d.getstate())
d.setstate((b"", 1))
print(d.getstate(), repr(d.decode("x")))
d.reset()
print(d.newlines, repr(d.decode("p\rq", final=True)), d.newlines)
u = io.IncrementalNewlineDecoder(None, False)
print(repr(u.decode("a\r\nb\rc\n")), u.newlines)
try:
    d.decode(b"x")
except TypeError as e:
    print(e)
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n", line_buffering=True)
print(w.write("a\nb"), w.buffer.getvalue(), w.line_buffering, repr(w))
r = io.TextIOWrapper(io.BytesIO(b"x\r\ny\n"))
print(repr(r.read()), r.newlines, r.encoding)
p = io.BufferedRWPair(io.BytesIO(b"read me"), io.BytesIO())
print(p.read(4), p.write(b"w"), p.readable(), p.writable(), p.closed)
b = io.BufferedReader(io.BytesIO(b"abc\ndef"))
print(repr(b), b.read(2), b.readline(), b.read(), b.tell())
bw = io.BufferedWriter(io.BytesIO())
bw.write(b"hi")
print(bw.raw.getvalue(), bw.flush(), bw.raw.getvalue())
