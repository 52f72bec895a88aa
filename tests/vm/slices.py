s = list(range(10))
print(s[2:8:2], s[::-2], s[-3:], s[:-7], s[5:2], s[5:2:-1], s[100:], s[-100:2])
t = "abcdefghij"
print(t[::3], t[-1::-4], t[3:3], (1, 2, 3, 4)[::-1], range(10)[2:8:3])
s[2:5] = []
print(s)
s[:0] = ["x", "y"]
print(s)
s[::3] = [0] * len(s[::3])
print(s)
try:
    s[::2] = [1]
except ValueError as e:
    print(e)
