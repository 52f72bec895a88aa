print(list(range(3)), list(range(2, 10, 3)), list(range(10, 0, -3)), len(range(0, 100, 7)))
r = range(5, 50, 5)
print(r, r[2], r[-1], r[1:3], 15 in r, 16 in r, r.index(20))
total = 0
for i in range(1000):
    total += i
print(total)
