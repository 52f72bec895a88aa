print(list(enumerate("abc")), list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, 2, 0])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), any([0, 0, 1]), all([]), all([1, 0]))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), sum(Countdown(5)))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
