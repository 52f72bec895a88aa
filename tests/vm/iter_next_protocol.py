class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)))
for x in Count(2): print(x)
it = iter(Count(1))
print(next(it), next(it, "done"))
class NotIter: pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
try:
    next([1, 2])
except TypeError as e:
    print(e)
print(sum(Count(4)), max(Count(4)), sorted(Count(3), reverse=True))
a, b, c = Count(3)
print(a, b, c)
try:
    a, b = Count(3)
except ValueError as e:
    print(e)
