# sys.stdout / sys.stderr: the attributes and methods of CPython's text streams, and
# their binary `buffer`, whose writes land in order with the text already written.
import sys

out, err = sys.stdout, sys.stderr
print(repr(out), repr(err))
print(type(out).__name__, type(out).__module__)
print(out.name, out.mode, out.encoding, out.closed, out.newlines)
print(err.name, err.mode, err.encoding, err.errors, err.closed, err.newlines)
print(out.fileno(), err.fileno(), out.buffer.fileno(), err.buffer.fileno())
print(out.isatty(), err.isatty(), out.buffer.isatty())
print(out.writable(), out.readable(), err.writable(), err.readable())
print(out.line_buffering)  # piped: not line-buffered
print(out.errors)  # compare_vm sets PYTHONIOENCODING=utf-8: strict
# (The buffers' repr is not printed: under PYTHONUNBUFFERED CPython's are FileIOs.)
print(out.buffer.name, out.buffer.mode, out.buffer.closed, err.buffer.mode)
print(out.buffer.writable(), out.buffer.readable())
print(out.buffer is out.buffer, sys.__stdout__ is out)

# Order of text and bytes on stdout.
n = out.write("text1 ")
print(n)
n = out.buffer.write(b"bytes1 ")
out.write("text2\n")
print(n)
print(out.buffer.write(bytearray(b"ba\n")), out.buffer.write(memoryview(b"mv\n")))
print("caf\u00e9", end=" ")
print(out.buffer.write("é\n".encode()))
print(out.write("\u00e9\u20ac\n"))
out.writelines(["a", "b", "c\n"])
out.writelines(x for x in ["gen", "erator\n"])
out.writelines([])
out.buffer.writelines([b"bw", bytearray(b"l\n")])
print(out.writelines(["x\n"]), out.flush(), out.buffer.flush())

# stderr: text and bytes in order.
err.write("e-text ")
print(err.buffer.write(b"e-bytes\n"), err.write("e-more\n"))
print("via print", file=err)
err.buffer.write(b"tail\n")
err.flush()

for f in [
    lambda: out.write(1),
    lambda: out.write(b"x"),
    lambda: out.write("a", "b"),
    lambda: out.writelines([1]),
    lambda: out.writelines(5),
    lambda: out.writelines(),
    lambda: out.buffer.write("str"),
    lambda: out.buffer.write(1),
    lambda: err.buffer.write(None),
    lambda: out.fileno(1),
    lambda: out.isatty(1),
    lambda: out.no_such_attribute,
]:
    try:
        print(f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

for o, attrs in [
    (out, ["name", "encoding", "errors", "line_buffering", "write_through", "closed", "newlines", "buffer"]),
    # (Not out.buffer: under PYTHONUNBUFFERED CPython's is a FileIO, whose differ.)
]:
    for a in attrs:
        try:
            setattr(o, a, "x")
        except AttributeError as e:
            print(a, e)
        try:
            delattr(o, a)
        except AttributeError as e:
            print(a, e)

# Partial writelines: items before the bad one are written.
try:
    out.writelines(["ok ", 2])
except TypeError as e:
    print("|", e)
print("end")
