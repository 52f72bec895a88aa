print(1 and 2, 0 and 2, 1 or 2, 0 or "", not 0, not [1], None or "default")
print(True & False, True | False, True ^ True, -True, int(True))
x = 5
print(0 < x < 10 and x != 7, x if x > 3 else -x, [] or {} or "last")
