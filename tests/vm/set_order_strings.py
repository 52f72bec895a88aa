words = set(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"])
print(words)
print(sorted(words) == sorted(list(words)), len(words))
letters = set("mississippi")
print(letters, frozenset("hello world"))
mixed = {"a", 1, 2.5, (1, "b"), None}
print(len(mixed), "a" in mixed)
print({"x": 1, "y": 2}.keys() | {"z"})
