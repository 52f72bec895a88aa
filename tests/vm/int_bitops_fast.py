# `&`, `|`, `^` of machine ints through ops::binary_op (and the in-place forms), next to
# the same operators on bools, big ints and classes that override them.
vals = [0, 1, -1, 5, -6, 255, 2**62, -2**63, 2**63 - 1]
out = []
for a in vals:
    for b in vals:
        out.append((a & b, a | b, a ^ b))
print(out[:12])
print(sum(x + y + z for x, y, z in out))
x = 12
x &= 10
y = 12
y |= 3
z = 12
z ^= 5
print(x, y, z)
print(True & 1, True | 2, False ^ 3, True & True, 2**80 & -1, -2**80 | 1, 2**64 ^ 1)


class B(int):
    def __and__(self, o):
        return "B.and"

    def __rxor__(self, o):
        return "B.rxor"


print(B(3) & 1, 1 & B(3), 1 ^ B(2), B(2) | 1)
try:
    1 & 1.0
except TypeError as e:
    print("TypeError:", e)
print(sum([x for x in range(100) if x & 1]))
