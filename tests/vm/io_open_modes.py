# builtin open() builds _io objects: types, reprs, attributes, modes, errors, text decoding.
import io, os

class TempDir:
    # tempfile needs re (_sre), not in pyrs yet: a private directory made the same way.
    def __enter__(self):
        self.d = os.path.join(os.environ.get("TMPDIR") or "/tmp", "pyrs-io-" + os.urandom(8).hex())
        os.mkdir(self.d, 0o700)
        return self.d
    def __exit__(self, *a):
        for n in os.listdir(self.d):
            os.remove(os.path.join(self.d, n))
        os.rmdir(self.d)

def show(o, d):
    return repr(o).replace(d, "D")

print(io.open is open, open.__name__)
with TempDir() as d:
    p = os.path.join(d, "f.txt")
    with open(p, "w") as f:
        print(show(f, d), show(f.buffer, d), show(f.buffer.raw, d))
        print(f.name == p, f.mode, f.encoding, f.errors, f.newlines, f.line_buffering,
              f.write_through, f.closed, f.readable(), f.writable(), f.seekable())
        print(f.write("héllo\nwörld\r\nthird\rlast"), f.tell())
    print(f.closed, f.buffer.closed, f.buffer.raw.closed, show(f, d))
    with open(p) as f:
        print(repr(f.readline()), f.tell(), repr(f.read(3)), f.tell(), f.readlines())
    with open(p) as f:
        print(list(f), f.newlines)
    with open(p, newline="") as f:
        print(list(f), f.newlines)
    with open(p, newline="\r") as f:
        print(list(f))
    with open(p, newline="\r\n") as f:
        print(list(f))
    with open(p, "rb") as f:
        print(show(f, d), f.mode, f.read(), f.tell())
    with open(p, "rb", buffering=0) as f:
        print(show(f, d), f.read(4), f.readall())
    with open(p, "a") as f:
        print(f.tell(), f.write("+"), f.tell())
    with open(p, "r+") as f:
        print(repr(f.read(2)), f.seek(0), f.write("Hé"), f.seek(0), repr(f.read()))
    with open(p, "w", newline="\r\n") as f:
        f.write("a\nb\n")
    print(open(p, "rb").read())
    with open(p, "w", encoding="utf-16") as f:
        f.write("abc\n")
    print(open(p, "rb").read())
    with open(p, encoding="utf-16") as f:
        print(repr(f.read()), f.tell())
    with open(p, "w", encoding="latin-1") as f:
        print(show(f, d))
        f.write("\xe9t\xe9")
    print(open(p, "rb").read(), repr(open(p, encoding="latin-1").read()))
    try:
        open(p).read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
    print(repr(open(p, errors="replace").read()), repr(open(p, errors="surrogateescape").read()))
    with open(p, "wb") as f:
        print(show(f, d), f.write(b"x" * 10000), f.tell(), f.raw.tell())
    print(len(open(p, "rb").read()))
    with open(p, "w") as f:
        f.write("line %d\n" * 3 % (1, 2, 3))
    with open(p) as f:
        print(f.tell(), f.readline(), f.tell(), f.seek(0), f.readline(), f.seek(0, 2))
        try:
            f.seek(1, 1)
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation", e)
        for line in f:
            pass
    with open(p, "rb") as f:
        print(f.read(2), f.peek(1)[:1], f.read1(3), f.readline(), list(f))
    x = os.path.join(d, "x.bin")
    with open(x, "xb") as f:
        print(f.mode, f.raw.mode)
    for args in [(x, "x"), (os.path.join(d, "missing"),), (d,), (p, "q"), (p, "rw"), (p, "rbt"),
                 (p, ""), (p, "rb", -1, "utf-8"), (p, "rb", -1, None, "strict"), (p, "r", 0),
                 (p, "r", -1, None, None, "x"), (p, "r", -1, 3), (1.5,), ([],), (p, "r", "a")]:
        try:
            open(*args)
        except Exception as e:
            print(type(e).__name__, str(e).replace(d, "D"))
    try:
        open(p, "r", encoding="nope")
    except LookupError as e:
        print("LookupError", e)
    f = open(p, "rb")
    f.close()
    for m in ["read", "readline", "peek", "seek", "flush", "fileno"]:
        try:
            getattr(f, m)(*([0] if m == "seek" else []))
        except ValueError as e:
            print(m, e)
    fd = os.open(p, os.O_RDONLY)
    with open(fd) as f:
        print(show(f, d), f.readline())
    try:
        os.close(fd)
    except OSError as e:
        print("OSError", e)
    fd = os.open(p, os.O_RDONLY)
    with open(fd, "rb", closefd=False) as f:
        print(f.read(4))
    os.close(fd)
