# sys.stdout/sys.stderr/sys.stdin are the _io objects CPython's create_stdio makes:
# TextIOWrapper over BufferedWriter/BufferedReader over FileIO(fd, closefd=False), or over
# the bare FileIO when unbuffered (PYTHONUNBUFFERED: the oracle runs in the same
# environment, so both forms are checked by whichever the environment gives).
import io
import sys

for name in ["stdin", "stdout", "stderr"]:
    f = getattr(sys, name)
    print(name, f is getattr(sys, "__%s__" % name), type(f).__name__, isinstance(f, io.TextIOWrapper))
    print(" ", repr(f), f.name, f.mode, f.encoding, f.errors, f.__dict__)
    print(" ", f.line_buffering, f.write_through, f.closed, f.newlines, f.isatty())
    b = f.buffer
    raw = getattr(b, "raw", b)
    print(" ", repr(b), isinstance(b, (io.BufferedIOBase, io.RawIOBase)), b.closed, b.mode)
    print(" ", repr(raw), raw.name, raw.mode, raw.closefd, raw.fileno(), raw.__dict__)
    print(" ", f.fileno(), f.readable(), f.writable(), f.seekable() == raw.seekable())
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout.buffer, io.IOBase))
print(sys.stdout._CHUNK_SIZE, getattr(sys.stdout.buffer, "raw", None) is None or sys.stdout.buffer.raw._blksize > 0)
print(io.open is open, type(sys.stdout) is io.TextIOWrapper)
