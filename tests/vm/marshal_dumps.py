# marshal.dumps byte for byte, loads round trips, versions and errors (Python/marshal.c).
import marshal

big = 2 ** 100
neg = -(2 ** 70)
x = [1, 2]
t = (1, 'abc', 'abc', 1.5, 1000, 1000)
values = [
    0, 1, -1, 255, 256, 257, -5, -6, 1000, 2 ** 31 - 1, 2 ** 31, -2 ** 31, -2 ** 31 - 1,
    2 ** 40, 2 ** 63 - 1, -2 ** 63, big, neg, 1.5, -0.0, 0.0, float('inf'), 1e300,
    1j, 2 + 3j, 'abc', 'a b', '', 'é', 'x y' * 100, 'snake_case_name', '\U0001f600', '\ud800',
    b'', b'x', b'xyz', b'\x00' * 300, (), (1,), (1, 2), tuple(range(300)), [], x, [1000, 1000],
    {}, {'a': 1, 'b': [1, 2]}, {1, 2, 3}, frozenset({1}), frozenset(), set(),
    None, True, False, ..., StopIteration, t, [t, t], [x, x], bytearray(b'ab'),
    {'k': (None, True, ...)},
]
for v in values:
    b = marshal.dumps(v)
    print(repr(v)[:40], b[:60], len(b))
    back = marshal.loads(b)
    print('  ', back == v or back != back, type(back).__name__)
for version in range(5):
    print(version, marshal.dumps(('abc', 'abc', 1.5, 2 + 1j, [x, x]), version))
print(marshal.dumps(0.1, 0), marshal.dumps(1e300, 1), marshal.dumps(-2.5e-10, 0))

# Errors.
for bad in [b'', b'i\x01', b'\x99', b'[\x01\x00\x00\x00', b'r\x00\x00\x00\x00', b'{',
            b's\xff\xff\xff\xff', b'u\xff\xff\xff\xff', b'(\xff\xff\xff\xff',
            b'[\xff\xff\xff\xff', b'<\xff\xff\xff\xff', b's\x05\x00\x00\x00ab', b'z\x05ab',
            b'<\x01\x00\x00\x00[\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80',
            b'{[\x00\x00\x00\x00N0', b'c' + b'\x00' * 20,
            b'l\x00\x00\x00\x80', b'l\x00\x00\x01\x00', b'l\x01\x00\x00\x00\xff\xff', b'g\x00',
            b'y' + b'\x00' * 15, b'f\x03abc', b'f\xffx', b'x\x011\x012', b'{' * 3000,
            b'a\x03\x00\x00\x00\xff\xfe\xfd', b'u\x02\x00\x00\x00\xed\xa0', b't\x01\x00\x00\x00\xff',
            b'[\x02\x00\x00\x00u\x01\x00\x00\x00\x80N', b'>\x02\x00\x00\x00[\x00\x00\x00\x00N']:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
class S(str):
    pass
for bad in [object(), [1, object()], int, S('s'), {1: print}]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
deep = []
for i in range(2100):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print(e)
try:
    marshal.loads(b'[\x01\x00\x00\x00' * 2100 + b'N')
except ValueError as e:
    print(e)
print(len(marshal.loads(b'[\x01\x00\x00\x00' * 1000 + b'N')))
for call in [lambda: marshal.dumps(), lambda: marshal.dumps(1, 2, 3), lambda: marshal.dumps(1, 'x'), lambda: marshal.dumps(1, 2 ** 40),
             lambda: marshal.loads('str'), lambda: marshal.dumps(1, version=2),
             lambda: marshal.loads(b'N', 1), lambda: marshal.loads(), lambda: marshal.load(),
             lambda: marshal.dump(1), lambda: marshal.dump(1, 2, 3, 4), lambda: marshal.load(1, 2),
             lambda: marshal.loads(b'N', x=1), lambda: marshal.dump(1, 2, version=3),
             lambda: marshal.dumps(1, 2.0), lambda: marshal.loads(1)]:
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(marshal.dumps(memoryview(b'mv')), marshal.loads(b'Nextra'), marshal.loads(bytearray(b'T')), marshal.loads(memoryview(b'F')))
print(marshal.version)
