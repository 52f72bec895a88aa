print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([], start=5))
try: sum(["a", "b"], "")
except TypeError as e: print(e)
print(sum([1.5, 2]), sum([1, 2**64]), sum((1+2j, 3)))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([(1, "b"), (0, "c")], key=lambda p: p[1]))
print(sorted({3: 0, 1: 0}), list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(3))))
class Rev:
    def __reversed__(self): return iter("custom")
print(list(reversed(Rev())))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Seq())))
try: reversed({1, 2})
except TypeError as e: print(e)
try: sorted([1, "a"])
except TypeError as e: print(e)
