# bytearray.__new__ makes an empty bytearray; __init__ fills it (and empties it first:
# re-initialising, and BufferError while exported); a subclass __init__ that does not
# call the base's leaves it empty.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


class Idx:
    def __index__(self):
        return 3


class Bad:
    def __iter__(self):
        raise KeyError('inner')


CASES = [
    ((), {}),
    ((1.5,), {}),
    (('abc',), {}),
    (('abc', 'ascii'), {}),
    (('h\xe9', 'ascii', 'replace'), {}),
    (('abc',), {'encoding': 'utf-16-le'}),
    ((b'x', 'ascii'), {}),
    ((), {'encoding': 'ascii'}),
    ((), {'errors': 'strict'}),
    ((5,), {'errors': 'strict'}),
    (('x', 5), {}),
    (('x', 'ascii', 5), {}),
    ((-1,), {}),
    ((0,), {}),
    ((3,), {}),
    ((True,), {}),
    ((Idx(),), {}),
    ((2 ** 70,), {}),
    (([1, 2],), {}),
    ((range(3),), {}),
    ((iter([4, 5]),), {}),
    ((['a'],), {}),
    ((b'ab',), {'x': 1}),
    ((1, 2, 3, 4), {}),
    ((), {'source': b'k'}),
    ((b'k',), {'source': b'k'}),
    ((object(),), {}),
    ((Bad(),), {}),
    ((memoryview(b'mv'),), {}),
    ((bytearray(b'ba'),), {}),
    (({7: 'x'},), {}),
]

for i, (a, k) in enumerate(CASES):
    attempt('new %d' % i, lambda: bytearray(*a, **k))
    ba = bytearray(b'old')
    attempt('init %d' % i, lambda: ba.__init__(*a, **k))
    print('   after:', ba)

print(repr(bytearray.__new__(bytearray, b'abc')))
print(repr(bytearray.__new__(bytearray)))


class Quiet(bytearray):
    def __init__(self, *args):
        pass


class Loud(bytearray):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = len(self)


print(repr(Quiet(b'abc')), repr(Loud(b'abc')), Loud(b'abc').extra)
q = Quiet(b'abc')
bytearray.__init__(q, b'xy')
print(repr(q))

# Re-initialising while exported.
ba = bytearray(b'data')
m = memoryview(ba)
attempt('init exported', lambda: ba.__init__(b'zz'))
attempt('init exported empty', lambda: ba.__init__())
print(ba)
m.release()
attempt('init released', lambda: ba.__init__(b'zz'))
print(ba)
e = bytearray()
em = memoryview(e)
attempt('init exported, stays empty', lambda: e.__init__())
attempt('init exported, grows', lambda: e.__init__(b'q'))
print(e)

# Re-initialising from itself.
s = bytearray(b'self')
s.__init__(s)
print(s)
