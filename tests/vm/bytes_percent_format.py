# printf-style formatting of bytes and bytearray (PEP 461), with CPython's errors.
print(b"%d %i %u" % (1, -2, 3))
print(b"%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print(b"%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print(b"%.2f %e %g %10.3f|%-10.1f|" % (3.14159, 12345.678, 0.0001, 2.5, 2.5))
print(b"%s and %b" % (b"bytes", bytearray(b"array")))
print(b"%s" % memoryview(b"view"))
print(b"%.2s|%5s|%-5s|" % (b"abcdef", b"ab", b"ab"))
print(b"%r %a" % ("caf\xe9", [1, "x"]))
print(b"%c%c%c" % (65, b"B", bytearray(b"C")))
print(b"%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print(b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 7})
print(b"100%% sure %s" % b"!")
print(b"%s" % (b"tuple-one",))
print(bytearray(b"%d-%s") % (5, b"x"))
print(type(bytearray(b"%d") % 1).__name__)


class B:
    def __bytes__(self):
        return b"from __bytes__"


print(b"<%s>" % B())


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


err(lambda: b"%s" % "text")
err(lambda: b"%d" % "x")
err(lambda: b"%x" % 1.5)
err(lambda: b"%d %d" % (1,))
err(lambda: b"%d" % (1, 2))
err(lambda: b"no format" % 5)
err(lambda: b"%c" % 256)
err(lambda: b"%c" % b"ab")
err(lambda: b"%c" % "a")
err(lambda: b"%z" % 1)
err(lambda: b"%" % ())
err(lambda: b"%(k)s" % (1,))
err(lambda: b"%(k)s" % {b"j": 1})
print(b"no format" % {b"k": 1})
