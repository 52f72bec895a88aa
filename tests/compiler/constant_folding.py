# Constant folding as 3.11's AST optimizer does it (size limits of safe_multiply, safe_power,
# safe_lshift; float_pow; bools), and %-formatting turned into f-strings.
a = '&nbsp;' * 5
b = b'u' * 4
c = 2 ** 63
d = 1 << 64
e = 2.0 ** -11
f = ((0, 0),) * 5
g = 8 * ' '
h = b'\\' + b'u1881'
i = 46 * b'!'
j = 1.0 % 1
k = 1.0 // 0.1
l = 1.0 % 0.1
m = -(2 ** 100) >> 3
n = -(2 ** 100) >> 200
o = (2 ** 70) // -3
p = (2 ** 70) % -3
q = -7 // 2, -7 % 2, 7 % -2
r = 'x' * 4097, 'x' * 4096, 'ab' * 2049, 'ab' * 2048
s = (1,) * 257, (1,) * 256, ((1, 2),) * 200
t = 2 ** 128, 2 ** 127, 3 ** 81, 1 << 128, 1 << 127, 3 << 126
u = (2 ** 64) * (2 ** 64), (2 ** 64) * (2 ** 65)
v = (-2.0) ** 3, (-2.0) ** 2, 0.0 ** 2, 2.0 ** 0.5, (lambda: 10.0 ** 400), 10.0 ** -400, 2.0 ** -1074
w = 'a' * -1, '' * -5, b'' * 3, () * 4, (1,) * 0
x = 2 ** -2, (-3) ** -3, 0 ** 0, 5 ** 0
y = (1, 2) + (3,), (2**64) & (2**64 + 1), -(2**70) | 5, (2**65) ^ -1
z = 1e308 * 10, -1.5 // 0.5, -1.5 % 0.5, 5 // -0.0 if False else 0
name, n, items = 'x', 3.5, [1, 2]
print('%s' % (name,), '%r and %a' % (name, 'é'), '%5s|%-5s|%.2s|%+s' % (name, name, 'abcdef', name))
print('%s %s' % (name, n), '%d' % (n,), '%%s %s' % (items,), '%s' % ((1, 2),))
print(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, [len(x) for x in r], [len(x) for x in s], t, u, v[:4] + v[5:], w, x, y, z)
