m = memoryview(b"abcdef")
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist()[:3], len(m), m.readonly, m.nbytes, m.format, m.itemsize, m.ndim)
ba = bytearray(b"hello")
mv = memoryview(ba)
mv[0] = 74
mv[1:3] = b"EL"
print(ba, mv.readonly, bytes(mv[::2]), mv == b"JELlo", mv.hex())
try: m[0] = 1
except TypeError as e: print(e)
try: memoryview("str")
except TypeError as e: print(e)
with memoryview(b"xy") as w:
    print(w.tobytes())
try: w.tobytes()
except ValueError as e: print(e)
print(memoryview(b"ab").release() is None, list(memoryview(b"ab")))
