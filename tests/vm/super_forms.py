class A:
    def f(self):
        return "A"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
class B(A):
    def f(self):
        return "B" + super().f()
    @classmethod
    def c(cls):
        return "B " + super().c()
class C(B):
    def f(self):
        return "C" + super(B, self).f()
print(C().f(), B().f(), C.c(), super(C, C()).f())
class D(A):
    def f(self):
        return [super().f() for _ in range(2)]
print(D().f())
