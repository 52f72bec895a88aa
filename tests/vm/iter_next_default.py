it = iter([1])
print(next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("stop", e.args)
try:
    next([1])
except TypeError as e:
    print(e)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)))
s = iter("ab")
print(iter(s) is s, list(s), list(s))
