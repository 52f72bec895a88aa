# sys.stdin is _io.TextIOWrapper over BufferedReader over FileIO(0) (tests run with stdin
# at /dev/null); input() reads sys.stdin.readline().
import io, sys
print(repr(sys.stdin), type(sys.stdin) is io.TextIOWrapper)
print(repr(sys.stdin.buffer), repr(sys.stdin.buffer.raw), sys.stdin.buffer.raw.closefd)
print(sys.stdin.encoding, sys.stdin.errors, sys.stdin.line_buffering, sys.stdin.isatty())
print(sys.stdin.fileno(), sys.stdin.readable(), sys.stdin.writable(), sys.stdin.mode)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.buffer.read())
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", e)

class Fake:
    def __init__(self, lines):
        self.lines = lines
    def readline(self):
        return self.lines.pop(0) if self.lines else ""

sys.stdin = Fake(["first\n", "second"])
print(repr(input()), repr(input()))
try:
    input()
except EOFError as e:
    print("EOFError", e)
sys.stdin = sys.__stdin__
print(sys.stdin is sys.__stdin__)
