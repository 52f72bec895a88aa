# The order of what reaches descriptor 1 is _io's: text waits in the TextIOWrapper
# (pending bytes, up to _CHUNK_SIZE), bytes in the BufferedWriter, os.write goes
# straight out; nothing flushes stdout implicitly (not stderr writes). Run with and
# without PYTHONUNBUFFERED, the order differs, the same way for pyrs and python3.
import os
import sys

out = sys.stdout
out.write("t1 ")
out.buffer.write(b"b1 ")
os.write(1, b"os1 ")
out.write("t2\n")
print("p1", "p2", sep="-", end="|")
os.write(1, b"os2 ")
out.flush()
os.write(1, b"os3\n")
print("flushed", flush=True)
os.write(1, b"os4\n")
sys.stderr.write("err1 ")
print("after err", flush=False)
os.write(2, b"os-err\n")
sys.stderr.write("err2\n")
# A large write goes out in chunks, before a later small one.
out.write("x" * 10000 + "\n")
os.write(1, b"os5\n")
out.write("small\n")
out.buffer.write(b"B" * 5000 + b"\n")
os.write(1, b"os6\n")
# print() writes each piece with write(): a file object sees them one by one.
class Rec:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")

r = Rec()
print(1, "a", 2.5, None, sep=", ", end="!\n", file=r, flush=True)
print(r.parts)
r.parts.clear()
print(file=r)
print(r.parts)
sys.stdout.write("end\n")
