# int/float __floor__, __ceil__, __trunc__, __round__, __getnewargs__, float.__getformat__.

class MI(int): pass
class MF(float): pass
class R(int):
    def __round__(self, n=None): return 'mine'
for v in [7, -7, True, 10**30, MI(5), 2.5, -2.5, 3.5, 0.1, -0.0, 1e300, MF(2.75)]:
    print(repr(v), type(v).__floor__(v), type(v).__ceil__(v), type(v).__trunc__(v), type(v).__round__(v), type(v).__round__(v, 1), type(v).__round__(v, -1), type(v).__getnewargs__(v))
    print(round(v), round(v, 2), type(round(v)).__name__)
print(round(R(3)), round(R(3), 2), int.__round__(R(3)))
for bad in [float('nan'), float('inf'), -float('inf')]:
    for m in ['__floor__', '__ceil__', '__trunc__', '__round__']:
        try: print(getattr(bad, m)())
        except (ValueError, OverflowError) as e: print(m, type(e).__name__, e)
print(float.__getformat__('double'), float.__getformat__('float'))
for f in [lambda: float.__getformat__('x'), lambda: float.__getformat__(1), lambda: (1.5).__floor__(1), lambda: (1).__ceil__(2), lambda: (1.5).__round__(1, 2), lambda: (2).__round__('x'), lambda: int.__floor__(1.5)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print((2.675).__round__(2), (1234.5).__round__(-2), (15).__round__(-1), (25).__round__(-1))
print((2.5).__round__(None), round(5, None))
try: (5).__round__(None)
except TypeError as e: print(e)
