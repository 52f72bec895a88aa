class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq called")
        return isinstance(o, P) and self.v == o.v
print(P(1) != P(1), P(1) != P(2))
class Q:
    def __ne__(self, o): return "custom ne"
print(Q() != Q(), Q() == Q())
class R:
    def __eq__(self, o): return NotImplemented
r = R()
print(r == r, r != r, r == R(), r != R())
print(object() == object(), object().__eq__(1), object().__ne__(1))
