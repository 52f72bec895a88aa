import sys
def fib(n):
    if n < 2:
        return n
    return fib(n-1) + fib(n-2)
print(fib(15))
class A:
    x = 1
    def m(self, y=2, *a, k=3, **kw):
        return self.x + y + k + len(a) + len(kw)
class B(A):
    def m(self):
        return super().m() * 2
print(B().m(), A().m(1, 2, 3, k=4, z=5))
def gen(n):
    for i in range(n):
        yield i * i
    yield from [100, 200]
print(list(gen(4)), [x for x in range(10) if x % 2], {k: v for k, v in zip("ab", (1, 2))})
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("finally")
def clos():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
f = clos(); f(); print(f())
with open("/dev/null") as fh:
    print(len(fh.readline()))
a, *b, c = range(6)
print(a, b, c, f"{a!r:>4}|{b}")
x = 5
while x:
    x -= 1
    if x == 2: break
else:
    print("no")
print(x, 1 < x < 3, x if x else -1, not x, -x, ~x, x ** 2, (1, 2, 3), {1, 2, 3}, [1, 2, 3])
print((lambda q: q)(4), (lambda q=3: q * 2)())
