words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a")]
print(sorted(pairs, key=lambda p: p[0]))
l = [5, 3, 9]
l.sort(key=lambda x: -x)
print(l)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
print(max([1, 5, 3], key=lambda x: -x), min("bca"), max([], default=0), min(3, 1, 2))
