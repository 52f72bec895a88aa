for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
print()
n = 0
while True:
    n += 1
    if n > 5:
        break
else:
    print("not reached")
for x in []:
    pass
else:
    print("for-else ran")
i = 0
while i < 3:
    i += 1
else:
    print("while-else", i)
print(*[1, 2, 3], sep="-", end="!\n")
