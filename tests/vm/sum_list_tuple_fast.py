# sum() over an exact list or tuple reads it by index; the mixes that leave the machine
# int and float paths, a list an __add__ extends while it is summed, subclasses.
print(sum([1, 2, 3]), sum((1.5, 2.5)), sum([], 10), sum((), 0.5), sum([1, 2.5, 3]))
print(sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), sum([True, True, 3]), sum([[1], [2]], []))
print(sum([1, 2], start=10), sum(((1,), (2,)), ()), sum([0.1] * 10), sum([1e308, 1e308]))
grow = [1, 2, 3]


class Acc:
    def __init__(self, n):
        self.n = n

    def __add__(self, v):
        if len(grow) < 6:
            grow.append(v * 10)
        return Acc(self.n + v)


print(sum(grow, Acc(0)).n, grow)


class L(list):
    def __iter__(self):
        return iter([100])


class T(tuple):
    def __iter__(self):
        return iter([200])


print(sum(L([1, 2])), sum(T((1, 2))))
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
