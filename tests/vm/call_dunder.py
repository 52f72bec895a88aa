class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, scale=1):
        return (self.n + x) * scale
a = Adder(3)
print(a(4), a(1, scale=10), callable(a), callable(Adder), callable(3))
try:
    a()
except TypeError as e:
    print(e)
try:
    5()
except TypeError as e:
    print(e)
