print(hash(1), hash(-1), hash(-2), hash(2**61), hash(2**61 - 1), hash(1.5), hash(-0.0), hash(True), hash(None) == hash(None))
print(hash(float("inf")), hash(float("-inf")), hash(0.1), hash((1, 2)), hash(()), hash(frozenset()))
print(hash(1) == hash(1.0) == hash(True), hash(3+0j) == hash(3))
try: hash([])
except TypeError as e: print(e)
try: hash({})
except TypeError as e: print(e)
try: hash((1, [2]))
except TypeError as e: print(e)
a = object()
print(id(a) == id(a), id(a) != id(object()) or True)
class H:
    def __hash__(self): return 2**100
print(hash(H()))
class HBad:
    def __hash__(self): return "x"
try: hash(HBad())
except TypeError as e: print(e)
