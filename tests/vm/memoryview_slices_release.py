data = bytearray(b"0123456789")
m = memoryview(data)
sub = m[2:8]
print(bytes(sub), len(sub), sub[0], sub[-1], bytes(sub[::2]), sub.tolist())
sub[0] = ord("X")
sub[1:3] = b"YZ"
print(data)
m2 = m[::3]
print(bytes(m2), m2.nbytes, m2.shape, m2.strides, m2.contiguous, m.contiguous)
try: sub[0:2] = b"abc"
except ValueError as e: print(e)
try: del m[0]
except TypeError as e: print(e)
try: m[0] = 300
except (TypeError, ValueError) as e: print(type(e).__name__, e)
r = memoryview(b"abc")
print(r.readonly, hash(r) == hash(b"abc"), r == b"abc", r == memoryview(b"abc"), r != b"abd", r.obj)
try: hash(m)
except ValueError as e: print(e)
r.release()
print(r.released if hasattr(r, "released") else None)
try: len(r)
except ValueError as e: print(e)
try: r[0]
except ValueError as e: print(e)
print(repr(r)[:10], memoryview(bytearray(b"ab")).hex(), bytes(memoryview(b"xyz")[1:]), list(memoryview(b"ab")))
mm = memoryview(memoryview(b"nested"))
print(bytes(mm), b"bytes" + memoryview(b"view"), bytearray(memoryview(b"ba")))
