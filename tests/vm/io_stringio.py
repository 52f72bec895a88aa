# _io.StringIO: newline modes, position past the end, lines, errors, subclasses.
from _io import StringIO

s = StringIO("hello\nwörld\nlast")
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.readline(3)), repr(s.read()))
print(s.seek(0), list(s), s.tell())
print(s.seek(0, 2), s.seek(0, 1), s.seek(0), repr(s.read(100)))
print(repr(s.getvalue()), s.line_buffering, s.newlines)

w = StringIO()
print(w.write("abc"), w.write("\U0001f600é"), repr(w.getvalue()), w.tell())
print(w.seek(8), w.write("Z"), repr(w.getvalue()), w.tell())
print(w.truncate(2), repr(w.getvalue()), w.tell())
w.writelines(["1", "22"])
print(repr(w.getvalue()))
print(w.readable(), w.writable(), w.seekable(), w.isatty(), w.closed)

for nl in [None, "", "\n", "\r", "\r\n"]:
    t = StringIO(newline=nl)
    t.write("a\nb\r\nc\rd")
    t.write("\r")
    t.write("\ne")
    v = t.getvalue()
    t.seek(0)
    print(repr(nl), repr(v), t.readlines(), t.newlines)
    t2 = StringIO("x\r\ny\rz\n", newline=nl)
    print(repr(nl), repr(t2.getvalue()), list(t2), t2.newlines)

for bad in [lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(0, 3),
            lambda: s.seek(1.5), lambda: s.write(b"x"), lambda: StringIO(b"x"),
            lambda: StringIO(newline="x"), lambda: StringIO(newline=3), lambda: s.truncate(-1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

s.close()
for m in ["read", "getvalue", "write", "seek", "tell", "readline", "truncate", "readable",
          "__next__"]:
    try:
        getattr(s, m)(*({"write": ["x"], "seek": [0]}.get(m, [])))
        print(m, "ok")
    except ValueError as e:
        print(m, type(e).__name__, e)
print(s.closed)

with StringIO("ctx") as c:
    print(c.read())
print(c.closed)

class Upper(StringIO):
    def readline(self, *a):
        return super().readline(*a).upper()

u = Upper("a\nb\n")
print(list(u), type(u).__name__, isinstance(u, StringIO))

class Log(StringIO):
    def __init__(self):
        super().__init__()
        self.n = 0
    def write(self, s):
        self.n += 1
        return super().write(s)

lg = Log()
print("to a StringIO", 1, 2, file=lg)
print(repr(lg.getvalue()), lg.n)
st = StringIO("abc\n", newline=None).__getstate__()
print(st)
import copy
print(repr(copy.copy(StringIO("copied")).getvalue()))

# Huge sizes raise instead of aborting.
big = StringIO()
big.seek(2**62)
try:
    big.write("x")
except OverflowError as e:
    print("OverflowError", e)
