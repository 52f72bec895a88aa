class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): print("add"); return V(self.x + o)
    def __repr__(self): return f"V({self.x})"
v = V(1)
orig = v
v += 2
print(v, v is orig)
class W(V):
    def __iadd__(self, o): print("iadd"); self.x += o; return self
w = W(1)
orig = w
w += 5
print(w, w is orig)
class N:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "add fallback"
n = N()
n += 1
print(n)
l = [1]
t = (l,)
try:
    t[0] += [2]
except TypeError as e:
    print(e, t)
