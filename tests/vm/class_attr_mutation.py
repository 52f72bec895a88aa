class A:
    def f(self): return "A.f"
class B(A):
    pass
b = B()
print(b.f())
A.f = lambda self: "patched"
print(b.f())
B.f = lambda self: "B own"
print(b.f(), A().f())
del B.f
print(b.f())
B.x = 1
print(b.x, B.x)
