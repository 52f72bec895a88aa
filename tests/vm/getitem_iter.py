class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq())
for x in Seq():
    print(x)
class C:
    def __contains__(self, x):
        return x == "yes"
print("yes" in C(), "no" in C(), "no" not in C())
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
print(list(It()), 2 in It())
try:
    iter(5)
except TypeError as e:
    print(e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(e)
