# %-format argument conversion and type errors (str and bytes), as PyUnicode_Format / _PyBytes_FormatEx.
class Idx:
    def __index__(self): return 65
class Flt:
    def __float__(self): return 2.5
class IntLike:
    def __int__(self): return 7
vals = [1.5, 2.0, 'a', 'ab', b'a', b'ab', bytearray(b'x'), None, [1], Idx(), Flt(), IntLike(), True, 10**30, -3, 3+1j, 65, 0x110000, -1, 1e300, float('nan'), float('inf')]
codes = 'diouxXeEfFgGcrsa%'
for c in codes:
    for v in vals:
        try:
            r = ('%' + c) % (v,)
            print(c, type(v).__name__, repr(r)[:60])
        except Exception as e:
            print(c, type(v).__name__, type(e).__name__, e)
for c in 'diouxXeEfFgGcrsab':
    for v in vals:
        try:
            r = (b'%' + c.encode()) % (v,)
            print('b', c, type(v).__name__, repr(r)[:60])
        except Exception as e:
            print('b', c, type(v).__name__, type(e).__name__, e)
for fmt, a in [('%z', 1), ('%', ()), ('%(a)s', 1), ('%s %s', (1,)), ('%s', (1, 2)), ('%*d', ('a', 1)), ('%.*d', (1.5, 1)), ('%(a)s', {'a': 1})]:
    for f in (fmt, fmt.encode()):
        try: print(repr(f % a))
        except Exception as e: print(repr(f), type(e).__name__, e)
class BadFloat:
    def __float__(self): return 1
class BadIndex:
    def __index__(self): return 1.5
class Raises:
    def __index__(self): raise ValueError('boom')
for f, a in [('%f', BadFloat()), ('%x', BadIndex()), ('%c', Raises()), ('%x', Raises()), ('%d', float('nan')), ('%d', float('inf')), ('%*d', (True, 5)), ('%.*f', (2, 1)), ('%*d', (10**30, 1))]:
    for ff in (f, f.encode()):
        try: print(repr(ff % a))
        except Exception as e: print(repr(ff), type(e).__name__, e)
