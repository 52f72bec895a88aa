class E:
    def __eq__(self, other): return self == other
try: E() == E()
except RecursionError: print("RecursionError in __eq__")
class H:
    def __hash__(self): return hash(self)
try: hash(H())
except RecursionError: print("RecursionError in __hash__")
class I:
    def __iter__(self): return iter(self)
try: iter(I())
except RecursionError: print("RecursionError in __iter__")
class L:
    def __len__(self): return len(self)
try: len(L())
except RecursionError: print("RecursionError in __len__")
a = []
b = [a]
a.append(b)
try: a == b
except RecursionError: print("RecursionError comparing cyclic lists")
def gen(n):
    if n: yield from gen(n - 1)
    else: yield "bottom"
try: print(list(gen(5000)))
except RecursionError: print("RecursionError in nested yield from")
print("alive")
t = ()
for _ in range(100000):
    t = (t,)
try: hash(t)
except RecursionError: print("RecursionError hashing nested tuples")
u = ()
for _ in range(100000):
    u = (u,)
try: print(t == u)
except RecursionError: print("RecursionError comparing nested tuples")
