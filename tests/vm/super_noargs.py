class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return f"A.c({cls.__name__})"
    @staticmethod
    def s(): return "A.s"
class B(A):
    def f(self): return "B>" + super().f()
    @classmethod
    def c(cls): return "B>" + super().c()
class C(A):
    def f(self): return "C>" + super().f()
class D(B, C):
    def f(self): return "D>" + super().f()
print(D().f())
print(D.c())
print(super(B, D()).f())
print(super(D, D).c())
s = super(B, D())
print(type(s).__name__)
def outside():
    return super().f()
try:
    outside()
except RuntimeError as e:
    print(e)
class E(A):
    def g(self):
        def inner():
            return super().f()
        return inner()
try:
    E().g()
except RuntimeError as e:
    print(e)
print(B().s(), super(B, B()).s())
