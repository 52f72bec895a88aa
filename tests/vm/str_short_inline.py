# Latin-1 strs of up to 21 characters are stored inside the object, longer ones boxed:
# every operation must treat both forms alike (equality, hashing, dict keys, ordering,
# slicing, concatenation and `+=` across the boundary, ASCII and non-ASCII Latin-1).
base = "abcdefghijklmnopqrstuvwxyz0123456789"
latin = "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7"
for src in [base, latin, "a\xff" * 15]:
    for n in [0, 1, 2, 19, 20, 21, 22, 23, 30]:
        a = src[:n]
        b = "".join(list(src[:n]))
        c = src[: n + 5][:n]
        d = (src * 2)[len(src): len(src) + n]
        print(n, ascii(a), a == b == c == d, hash(a) == hash(b) == hash(c) == hash(d),
              len({a, b, c, d}), a.isascii(), a < src[: n + 1], a.upper() == b.upper())
    # Concatenation across the boundary, both ways.
    for i in [0, 5, 10, 11, 20, 21, 22]:
        for j in [0, 1, 10, 11, 12]:
            x = src[:i] + src[:j]
            y = f"{src[:i]}{src[:j]}"
            z = src[:i]
            z += src[:j]
            print(i, j, x == y == z, hash(x) == hash(y) == hash(z), len(x))

# += growing one character at a time through the boundary, keeping snapshots.
s = ""
snaps = []
for ch in latin + base:
    s += ch
    snaps.append(s)
print(ascii(snaps[19:24]))
print([len(t) for t in snaps][18:25], snaps[20] == (latin + base)[:21])

# Dict keys: a short key found by a key made another way.
d = {}
for n in range(25):
    d[base[:n]] = n
print(all(d["".join(base[:n])] == n for n in range(25)), len(d))

# str(int) of every length up to 20 digits, negative too.
for k in [0, 7, -7, 10 ** 18, -(10 ** 18), 2 ** 63 - 1, -(2 ** 63), 10 ** 19, -(10 ** 19)]:
    t = str(k)
    print(t, len(t), t == "%d" % k, hash(t) == hash(repr(k)))

# Repetition, replace, split, strip, find of short and long strs.
for t in ["ab" * 5, "ab" * 10, "ab" * 11, "\xe9" * 21, "\xe9" * 22]:
    print(ascii(t * 2), ascii(t.replace("a", "xy")), t.split("b")[:3], t.find("ba"),
          t.strip("a"), ascii(t.center(25, "*")), ascii(format(t, "^24")))
