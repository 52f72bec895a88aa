class N:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(N(1) == N(1), N(1) != N(2), N(1) < N(2), N(2) > N(1))
try:
    N(1) <= N(2)
except TypeError as e:
    print(e)
try:
    hash(N(1))
except TypeError as e:
    print(e)
print(N.__hash__)
print(sorted([N(3), N(1), N(2)], key=lambda n: n)[0].v)
print(max(N(3), N(5)).v)
