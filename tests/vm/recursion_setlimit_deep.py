import sys
sys.setrecursionlimit(100000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(50000))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(20000))) if sys.set_int_max_str_digits(0) is None else 0)
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
n = None
for i in range(30000):
    n = Node(n)
print(n.length())
sys.setrecursionlimit(1000)
try:
    depth(5000)
except RecursionError as e:
    print(e)
