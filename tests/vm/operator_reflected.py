class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, int):
            return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        return V(o + self.x)
    def __iadd__(self, o):
        self.x += o
        return self
    def __repr__(self):
        return f"V({self.x})"
    def __neg__(self):
        return V(-self.x)
    def __matmul__(self, o):
        return self.x * o.x
print(V(1) + V(2), V(1) + 5, 5 + V(1), -V(3), V(2) @ V(3))
v = V(1)
w = v
v += 10
print(v, w is v)
try:
    V(1) + "s"
except TypeError as e:
    print(e)
print(sum([V(1), V(2)], V(0)))
