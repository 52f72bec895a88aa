s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1).indices(10), s.indices(5), slice(-3, None).indices(10))
print([0, 1, 2, 3, 4][s], "abcdef"[slice(None, None, -2)], slice(1, 2) == slice(1, 2))
try: slice(0, 1, 0).indices(3)
except ValueError as e: print(e)
class G:
    def __getitem__(self, k): return k
g = G()
print(g[1:2], g[::3], g[1:2, 3], g[...], g[:], g[1:2:None])
try: hash(slice(1))
except TypeError as e: print(e)
