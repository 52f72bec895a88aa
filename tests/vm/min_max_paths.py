# min()/max() over their arguments, an exact list or tuple (by index), iterators, keys,
# defaults, mixed numbers, ties (the first wins), errors, and a key that grows the list.
print(min(3, 1, 2), max(3, 1, 2), min([4, -2, 9]), max((4, -2, 9)), min("bca"), max(iter([5, 7])))
print(max([1, 2.5, 2]), min([2**70, -2**70, 0]), max([True, 1, 0]), min([1, True]), max([3.0, 3]))
print(min([], default="d"), max((), default=None), max([1, 5, 3], key=lambda v: -v))
print(min(["bb", "a", "ccc"], key=len), max("ab", "cd", key=lambda s: s[1]), max([[1], [0, 9]]))
pairs = [(1, "x"), (1, "y"), (0, "z")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]))
grow = [1, 2, 3]


def k(v):
    if len(grow) < 6:
        grow.append(v + 10)
    return v


print(max(grow, key=k), grow)


class L(list):
    def __iter__(self):
        return iter([100])


print(max(L([1, 2])), min(L([1, 2])))
for bad in [lambda: min(), lambda: max([]), lambda: min(1, 2, default=0), lambda: max(1),
            lambda: max([1, "a"]), lambda: min(3, x=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
