# bytes/bytearray rsplit, expandtabs, maketrans, translate.
for B in (bytes, bytearray):
    b = B(b'  a b\tc  d  ')
    print(b.rsplit(), b.rsplit(None, 1), b.rsplit(maxsplit=2), b.rsplit(b' '), b.rsplit(b' ', 2))
    print(B(b'a,b,,c').rsplit(b','), B(b'a,b,,c').rsplit(b',', 1), B(b'aaa').rsplit(b'aa'), B(b'').rsplit(), B(b'').rsplit(b'x'))
    print(B(b'a\tb\tc\nx\ty\rz\t').expandtabs(), B(b'a\tbc\t').expandtabs(4), B(b'\t').expandtabs(0), B(b'ab\t').expandtabs(tabsize=3))
    t = B.maketrans(b'abc', b'xyz')
    print(type(t).__name__, len(t), t[97:100])
    print(B(b'abcabc').translate(t), B(b'abcabc').translate(None, b'b'), B(b'abcabc').translate(t, delete=b'a'), B(b'abc').translate(None))
    for f in [lambda: b.rsplit(b''), lambda: B.maketrans(b'a', b'bc'), lambda: b.translate(b'x'), lambda: b.translate('x'),
              lambda: b.rsplit(1), lambda: b.expandtabs('x'), lambda: B.maketrans(b'a'), lambda: b.translate()]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
print(type(b''.rsplit()[0] if b''.rsplit() else bytearray(b'x').rsplit()[0]).__name__)
print(bytearray(b'a\tb').expandtabs(2), type(bytearray(b'ab').translate(None)).__name__)
print(b'a b  '.split(None, 1), b'  a b  c '.split(maxsplit=1), bytearray(b' x  y ').split(None, 1))
