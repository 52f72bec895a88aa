# memoryview: toreadonly, cast (to 'B'), suboffsets, f_contiguous.
m = memoryview(b'abcd')
print(m[::2].c_contiguous, m[::2].f_contiguous, m[::2].contiguous, m.suboffsets, m.f_contiguous)
for f in [lambda: m[::2].cast('B'), lambda: m.cast('B', [4]), lambda: m.cast('x'), lambda: m.cast(), lambda: m.cast(b'B'), lambda: m.cast('B', shape=[4])]:
    try: r = f(); print(r.format, r.shape, r.tolist(), r.readonly)
    except Exception as e: print(type(e).__name__, e)
r = memoryview(bytearray(b'ab')).toreadonly()
print(r.readonly, r.obj)
try: r[0] = 1
except TypeError as e: print(e)
print(r[::1].readonly, bytes(r), r == b'ab', r.cast('B').readonly)
w = memoryview(bytearray(b'xy'))
c = w.cast('B'); c[0] = 65
print(w.obj, w.readonly, c.readonly)
