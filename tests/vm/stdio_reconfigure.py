# TextIOWrapper.reconfigure() and detach() on sys.stdout.
import io
import os
import sys

out = sys.stdout
print(out.line_buffering, out.write_through)
out.reconfigure(line_buffering=True)
out.write("lb line\n")
os.write(1, b"os after line\n")
out.write("lb no newline ")
os.write(1, b"os before it\n")
out.reconfigure(line_buffering=False, write_through=True)
print(out.line_buffering, out.write_through)
out.write("wt ")
os.write(1, b"os after wt\n")
out.reconfigure(write_through=False)
out.flush()
out.reconfigure(encoding="latin-1", errors="replace")
print(out.encoding, out.errors)
print("caf\u00e9 \u20ac \u3042")
out.reconfigure(encoding="ascii")
print(out.encoding, out.errors)
try:
    print("\u00e9")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason, e.start, e.end)
out.reconfigure(encoding="utf-8", errors="strict", newline="\r\n")
print("crlf")
out.reconfigure(newline="\n")
for bad in [dict(newline="x"), dict(encoding=1), dict(errors=2)]:
    try:
        out.reconfigure(**bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    out.reconfigure(True)
except TypeError as e:
    print("TypeError", e)
out.flush()
# Surrogates: the error handler decides (strict raises, surrogateescape gives the byte).
out.reconfigure(errors="strict")
try:
    print("a\udcffb")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason, e.start, e.end)
out.reconfigure(errors="surrogateescape")
print("a\udcffb", "\u00e9\U0001f600")
out.reconfigure(errors="backslashreplace")
print("a\udcffb", "\u00e9")
out.reconfigure(errors="strict")
out.flush()

# detach(): the buffer comes back, the wrapper refuses everything after.
print("before detach")
buf = out.detach()
for f in [lambda: print("x"), lambda: out.write("y"), lambda: out.flush(), lambda: out.buffer,
          lambda: out.encoding, lambda: repr(out)]:
    try:
        f()
    except ValueError as e:
        sys.stderr.write("ValueError %s\n" % e)
buf.write(b"raw bytes\n")
sys.stdout = io.TextIOWrapper(buf, encoding="utf-8", line_buffering=True)
print("new wrapper", sys.stdout.line_buffering, sys.stdout is sys.__stdout__)
