# Slices of lists and tuples: step 1 runs, negative and large bounds, other steps, empty
# results, and the slices being new objects holding the same items.
xs = list(range(20))
t = tuple(xs)
for s in [slice(None), slice(3, 8), slice(-5, None), slice(10, 100), slice(100, 200),
          slice(-100, 3), slice(5, 2), slice(None, None, 2), slice(None, None, -1),
          slice(15, 3, -3), slice(-1, -30, -7), slice(0, 0), slice(19, 20)]:
    print(s, xs[s], t[s])
a = [object(), object()]
b = a[0:2]
print(b is a, b[0] is a[0], len(a[1:]), a[5:] == [], t[2:4] == (2, 3))
big = list(range(50000))
print(len(big[10:-10]), sum(big[100:200]), big[-3:], big[49990:50010:4])
