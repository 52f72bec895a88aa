# marshal of code objects (dumps/loads round trip, byte-identical streams for compiled
# code) and dump/load through a file-like object.
import marshal

src = '''
def f(a, b=2, *args, c, **kw):
    x = [a, b]
    return x, "text with spaces", 1.5, (1, 2), frozenset({3})
class C:
    def m(self):
        return lambda y: y + 1
'''
code = compile(src, 'mod.py', 'exec')
data = marshal.dumps(code)
print(len(data), data[:40])
back = marshal.loads(data)
print(type(back).__name__, back.co_filename, back.co_names, back.co_consts[-1])
print(marshal.loads(marshal.dumps(back)).co_consts[-1])
ns = {}
exec(back, ns)
print(ns['f'](1, c=3), ns['C']().m()(4))
print(marshal.dumps(compile('x = 1', 'a.py', 'exec')))
print(marshal.dumps(compile('print("hi")', 'a.py', 'exec')))
print(marshal.dumps((compile('1', 'e.py', 'eval'), 'tail')))

class File:
    def __init__(self, data=b''):
        self.data = data
        self.pos = 0
    def write(self, b):
        self.data += b
        return len(b)
    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        r = self.data[self.pos:self.pos + n]
        self.pos += len(r)
        return r
    def readinto(self, buf):
        r = self.read(len(buf))
        buf[:len(r)] = r
        return len(r)
    def seek(self, off, whence=0):
        self.pos = off if whence == 0 else self.pos + off
        return self.pos

f = File()
print(marshal.dump([1, 'two', 3.0], f), marshal.dump({'k': None}, f, 2), f.data)
r = File(f.data)
print(marshal.load(r), marshal.load(r), r.pos == len(f.data))
try:
    marshal.load(r)
except EOFError as e:
    print('EOFError', e)

class NotBytes:
    def read(self, n=-1):
        return 'str'
try:
    marshal.load(NotBytes())
except TypeError as e:
    print(e)
try:
    marshal.dump(1, object())
except AttributeError as e:
    print(e)
