# print() whose pieces run Python code that detaches the stream: the next piece raises
# ValueError; at exit the detached sys.stdout fails to flush (reported, status 120).
import sys, io
class Evil:
    def __str__(self):
        sys.stdout.detach()
        return "evil"
keep = sys.stdout
try:
    print("a", Evil(), "b")
except ValueError as e:
    sys.stderr.write("ValueError %s\n" % e)
class Buf(io.BufferedIOBase):
    def writable(self): return True
    def write(self, b):
        sys.stderr.write("buffer got %r\n" % bytes(b))
        t.detach()
        return len(b)
t = io.TextIOWrapper(Buf(), encoding="utf-8", write_through=True)
try:
    print("x", 1, "y", file=t)
except ValueError as e:
    sys.stderr.write("ValueError %s\n" % e)
