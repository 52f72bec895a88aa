def loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    return total
print(loop(10_000_000))
