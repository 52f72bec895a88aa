# A bytearray refuses to change size while a memoryview on it is alive (BufferError);
# same-size changes are allowed; release(), `with` and dropping the view end the export;
# slices/casts/toreadonly of a view hold the export until they too are released.

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)


OPS = [
    ('append', lambda b: b.append(1)),
    ('append-bad', lambda b: b.append(300)),
    ('extend', lambda b: b.extend(b'xy')),
    ('extend-empty', lambda b: b.extend(b'')),
    ('extend-empty-list', lambda b: b.extend([])),
    ('extend-bad', lambda b: b.extend([1, 300])),
    ('extend-int', lambda b: b.extend(5)),
    ('insert', lambda b: b.insert(0, 1)),
    ('insert-bad', lambda b: b.insert(0, 300)),
    ('pop', lambda b: b.pop()),
    ('pop0', lambda b: b.pop(0)),
    ('pop-range', lambda b: b.pop(99)),
    ('remove', lambda b: b.remove(ord('e'))),
    ('remove-missing', lambda b: b.remove(7)),
    ('clear', lambda b: b.clear()),
    ('reverse', lambda b: b.reverse()),
    ('setitem', lambda b: b.__setitem__(0, 65)),
    ('delitem', lambda b: b.__delitem__(0)),
    ('delitem-range', lambda b: b.__delitem__(9)),
    ('del-slice', lambda b: b.__delitem__(slice(0, 2))),
    ('del-empty-slice', lambda b: b.__delitem__(slice(0, 0))),
    ('del-ext-slice', lambda b: b.__delitem__(slice(0, 4, 2))),
    ('set-slice-same', lambda b: b.__setitem__(slice(1, 3), b'XY')),
    ('set-slice-grow', lambda b: b.__setitem__(slice(1, 2), [1, 2])),
    ('set-slice-shrink', lambda b: b.__setitem__(slice(1, 3), [1])),
    ('set-slice-empty', lambda b: b.__setitem__(slice(0, 5), b'')),
    ('set-ext-slice', lambda b: b.__setitem__(slice(0, 4, 2), b'ab')),
    ('set-ext-slice-bad', lambda b: b.__setitem__(slice(0, 4, 2), b'abc')),
    ('iadd-empty', lambda b: b.__iadd__(b'')),
    ('imul-0', lambda b: b.__imul__(0)),
    ('imul-1', lambda b: b.__imul__(1)),
    ('imul-2', lambda b: b.__imul__(2)),
]

for name, op in OPS:
    ba = bytearray(b'hello')
    m = memoryview(ba)
    attempt('exported ' + name, lambda: op(ba))
    print('  ', ba, m.tobytes())
    m.release()
    attempt('released ' + name, lambda: op(ba))
    print('  ', ba)

# Operators.
ba = bytearray(b'xyz')
v = memoryview(ba)
for label, code in [('+=', 'ba += b"abc"'), ('*=', 'ba *= 2'), ('del[:]', 'del ba[:]'),
                    ('[:]=', 'ba[:] = b"ABC"'), ('[1:1]=', 'ba[1:1] = b"q"')]:
    try:
        exec(code)
        print(label, 'ok', ba, v.tobytes())
    except BufferError as e:
        print(label, 'BufferError', e, ba)
v.release()
ba += b'!'
print(ba)

# An empty bytearray: clearing or repeating keeps the size.
e = bytearray()
ev = memoryview(e)
attempt('empty clear', lambda: e.clear())
attempt('empty imul', lambda: e.__imul__(3))
attempt('empty pop', lambda: e.pop())
attempt('empty append', lambda: e.append(1))
del ev
attempt('empty append after del', lambda: e.append(1))

# The context manager releases.
ba = bytearray(b'abc')
with memoryview(ba) as w:
    attempt('in with', lambda: ba.append(1))
attempt('after with', lambda: ba.append(1))
print(ba)

# Derived views hold the export after the original is released or dropped.
ba = bytearray(b'abcdefgh')
m = memoryview(ba)
derived = [m[1:], m[::2], m.cast('h'), m.toreadonly(), memoryview(m), m[1:].cast('B')]
m.release()
for i in range(len(derived)):
    attempt('with %d derived' % (len(derived) - i), lambda: ba.append(1))
    d = derived.pop()
    if i % 2:
        d.release()
    else:
        del d
attempt('all derived gone', lambda: ba.append(1))
print(ba)

# A view made and dropped inside a function.
def peek(b):
    return memoryview(b)[::3].tobytes()

print(peek(ba))
attempt('after peek', lambda: ba.append(2))

# Views kept in a container, released by clearing it.
ba = bytearray(b'12345')
views = [memoryview(ba) for _ in range(3)]
attempt('three views', lambda: ba.pop())
views[0].release()
views[1].release()
attempt('one view left', lambda: ba.pop())
views.clear()
attempt('no views', lambda: ba.pop())
print(ba)

# Writing through a view while exported; a second release is a no-op.
ba = bytearray(b'hello')
m = memoryview(ba)
m[0] = ord('J')
m[1:3] = b'EL'
print(ba)
m.release()
m.release()
ba.extend(b' world')
print(ba)

# bytearray subclasses count exports too.
class B(bytearray):
    pass

s = B(b'12')
v = memoryview(s)
attempt('subclass append', lambda: s.append(3))
del v
attempt('subclass append after', lambda: s.append(3))
print(s)

# A released view and a bytes view do not block anything.
b = bytes(b'abc')
bv = memoryview(b)
print(bv.readonly, bv.tobytes())

# A view of the bytearray itself as the argument: exported while the call runs.
ba = bytearray(b'ab')
for code in ['ba.extend(memoryview(ba))', 'ba += memoryview(ba)', 'ba[0:1] = memoryview(ba)',
             'ba[0:2] = memoryview(ba)', 'ba.__init__(memoryview(ba))', 'ba.extend(ba)',
             'ba[:] = ba']:
    try:
        exec(code)
        print(code, 'ok', ba)
    except Exception as e:
        print(code, type(e).__name__, e, ba)
