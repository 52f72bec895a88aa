l = [3, 1, 2]
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print("ValueError:", e)
print(sorted([5, 2, 9, 1], key=lambda v: -v))
words = ["pear", "fig", "apple", "kiwi"]
words.sort(key=len)
print(words)
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
