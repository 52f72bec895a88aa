print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(None is None, 1 is not None, [] == [], [] is [], "abc" != "abd")
print(max(3, 1, 2), min([4, 2, 8]), max("apple", "pear", key=len), min([], default=0))
