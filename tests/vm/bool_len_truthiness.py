class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class B:
    def __bool__(self): return False
    def __len__(self): return 5
class Neither: pass
print(bool(L(0)), bool(L(3)), bool(B()), bool(Neither()))
print("yes" if L(2) else "no", not L(0))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    bool(NegLen())
except ValueError as e:
    print(e)
class BigLen:
    def __len__(self): return 2**100
try:
    len(BigLen())
except OverflowError as e:
    print(e)
class StrLen:
    def __len__(self): return "3"
try:
    len(StrLen())
except TypeError as e:
    print(e)
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(0j), bool(range(0)))
