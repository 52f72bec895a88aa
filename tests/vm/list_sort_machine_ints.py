# list.sort / sorted without a key on machine ints (the unstable word sort) and on the
# mixes that must take the general path: bools, big ints, floats, -0.0, subclasses.
seed = 5
xs = []
for _ in range(2000):
    seed = (seed * 1103515245 + 12345) % 2**31
    xs.append(seed % 2000 - 1000)
a = sorted(xs)
print(a[:10], a[-10:], a == sorted(xs, key=lambda v: v))
b = sorted(xs, reverse=True)
print(b[:5], b == a[::-1])
xs.sort()
print(xs == a)

print(sorted([3, True, 1, False, 2]), sorted([1, True, 0, False], reverse=True))
print(sorted([2**70, 5, -2**65, 0]), sorted([3, 1.5, -0.0, 0, 2]))
print(sorted([0, -0.0, 0.0, False]), sorted([-0.0, 0, 0.0], reverse=True))
print(sorted([9223372036854775807, -9223372036854775808, 0, -1, 1]))


class I(int):
    pass


mixed = [I(3), 1, I(2), 0]
mixed.sort()
print(mixed, [type(v).__name__ for v in mixed])
print(sorted([]), sorted([42]), sorted([5, 5, 5], reverse=True))
try:
    [3, "a", 1].sort()
except TypeError as e:
    print("TypeError:", e)
