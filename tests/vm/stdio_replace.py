# print() and friends use the current sys.stdout/sys.stderr: replacing them by a StringIO
# captures the output, None silences print, a missing one is an error.
import io
import sys

orig = sys.stdout
sys.stdout = io.StringIO()
print("captured", 1, 2)
sys.stdout.write("written\n")
value = sys.stdout.getvalue()
sys.stdout = orig
print(repr(value))

sys.stdout = None
print("lost")
sys.stdout = orig
print("back", sys.stdout is sys.__stdout__)

del sys.stdout
try:
    print("x")
except RuntimeError as e:
    sys.__stdout__.write("RuntimeError %s\n" % e)
sys.stdout = orig

err = io.StringIO()
sys.stderr = err
print("to err", file=sys.stderr)
sys.stderr = sys.__stderr__
print(repr(err.getvalue()))

# displayhook writes to the current sys.stdout.
cap = io.StringIO()
sys.stdout = cap
sys.displayhook(42)
sys.stdout = orig
print(repr(cap.getvalue()))

# excepthook writes to the current sys.stderr.
cap = io.StringIO()
sys.stderr = cap
try:
    1 / 0
except ZeroDivisionError:
    sys.excepthook(*sys.exc_info())
sys.stderr = sys.__stderr__
print(cap.getvalue().splitlines()[-1])

# A class with write() as sys.stdout.
class Upper:
    def write(self, s):
        orig.write(s.upper())

sys.stdout = Upper()
print("shout", "loud")
sys.stdout = orig

# An instance attribute write on the real stdout shadows the method, as in CPython.
seen = []
sys.stdout.write = lambda s: seen.append(s)
print("hidden", 5)
del sys.stdout.write
print(seen)

# sep/end/file/flush errors.
for kw in [dict(sep=1), dict(end=b"x"), dict(file=5), dict(flush=1, file=io.StringIO()), dict(bad=1)]:
    try:
        print("a", "b", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
