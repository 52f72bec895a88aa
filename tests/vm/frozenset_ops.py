f = frozenset([1, 2, 3])
g = frozenset([3, 4])
print(f | g, f & g, f - g, type(f | {9}).__name__, type({9} | f).__name__, hash(f) == hash(frozenset([3, 2, 1])))
print({f: "key"}[frozenset({1, 2, 3})], f.copy() is f, frozenset() == set(), repr(frozenset()))
try: f.add(1)
except AttributeError as e: print(e)
class FS(frozenset): pass
print(FS([1]), type(FS([1]) | {2}).__name__)
