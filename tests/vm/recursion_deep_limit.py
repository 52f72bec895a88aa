import sys
sys.setrecursionlimit(60000)
def d(n):
    return 0 if n == 0 else 1 + d(n - 1)
print(d(50000))
class R:
    def __init__(self, n): self.n = n
    def __repr__(self):
        return "R" if self.n == 0 else "(" + repr(R(self.n - 1)) + ")"
print(len(repr(R(2000))))
