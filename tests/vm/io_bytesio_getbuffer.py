# BytesIO.getbuffer(): a writable memoryview of the contents whose obj is an
# _io._BytesIOBuffer; while any view on it (or derived from it) is alive the BytesIO
# refuses write/writelines/truncate/close/__setstate__ with BufferError.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)


b = io.BytesIO(b'abcdef')
m = b.getbuffer()
print(type(m.obj).__name__, type(m.obj).__module__, m.obj is b)
print(m.readonly, m.format, m.itemsize, len(m), m.nbytes, bytes(m))
attempt('write', lambda: b.write(b'x'))
attempt('write empty', lambda: b.write(b''))
attempt('write str', lambda: b.write('s'))
attempt('writelines empty', lambda: b.writelines([]))
attempt('writelines', lambda: b.writelines([b'x']))
attempt('truncate', lambda: b.truncate())
attempt('truncate 2', lambda: b.truncate(2))
attempt('truncate str', lambda: b.truncate('x'))
attempt('truncate float', lambda: b.truncate(1.5))
attempt('setstate bad', lambda: b.__setstate__(5))
attempt('setstate', lambda: b.__setstate__((b'zz', 0, None)))
attempt('close', lambda: b.close())
print(b.closed)
attempt('seek', lambda: b.seek(2))
attempt('read', lambda: b.read(2))
attempt('tell', lambda: b.tell())
attempt('getvalue', lambda: b.getvalue())
attempt('readline', lambda: b.readline())
attempt('second getbuffer', lambda: bytes(b.getbuffer()))

# Writes through the view change the BytesIO's contents.
m[0] = ord('A')
m[-2:] = b'EF'
print(b.getvalue())

# Derived views hold the export.
m2 = m[1:3]
m3 = m.cast('h')
m4 = memoryview(m)
m5 = m.toreadonly()
print(m2.obj is m.obj, m3.obj is m.obj, m3.tolist())
m.release()
attempt('derived alive', lambda: b.write(b'q'))
del m2, m3
attempt('two derived alive', lambda: b.write(b'q'))
m4.release()
attempt('one derived alive', lambda: b.write(b'q'))
del m5
attempt('none alive', lambda: b.write(b'q'))
print(b.getvalue(), b.tell())

# The context manager releases.
with b.getbuffer() as v:
    attempt('close in with', lambda: b.close())
    v[0] = ord('a')
attempt('close after with', lambda: b.close())
print(b.closed)
attempt('getbuffer closed', lambda: b.getbuffer())

# Empty and position past the end: the view covers the contents only.
e = io.BytesIO()
v = e.getbuffer()
print(len(v), v.tobytes(), v.nbytes)
del v
p = io.BytesIO(b'xyz')
p.seek(10)
v = p.getbuffer()
print(len(v), bytes(v))
del v
print(p.write(b'a'), p.getvalue())

# A view kept by a function's local: released when the function returns.
def first_two(bio):
    view = bio.getbuffer()
    return bytes(view[:2])

q = io.BytesIO(b'hello')
print(first_two(q))
print(q.write(b'HE'), q.getvalue())

# Subclasses.
class Sub(io.BytesIO):
    pass

s = Sub(b'sub')
sv = s.getbuffer()
attempt('subclass write', lambda: s.write(b'x'))
attempt('subclass setstate', lambda: s.__setstate__(5))
sv.release()
attempt('subclass write after', lambda: s.write(b'x'))
print(s.getvalue())

# The exporter type cannot be made from Python.
attempt('new exporter', lambda: type(io.BytesIO().getbuffer().obj)())

# readinto a view of the BytesIO's own buffer (no resize: allowed).
b = io.BytesIO(b'hello')
print(b.readinto(b.getbuffer()), b.getvalue())
b.seek(0)
m = b.getbuffer()
print(b.readinto(m[1:]), b.getvalue())
del m
print(b.write(b'!'), b.getvalue())
