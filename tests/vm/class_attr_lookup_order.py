class A:
    x = "A"
    def who(self):
        return "A.who"
class B(A):
    pass
class C(A):
    x = "C"
    def who(self):
        return "C.who"
class D(B, C):
    pass
print(D.x, D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
try:
    class X(A, D):
        pass
except TypeError as e:
    print(e)
d = D()
d.x = "inst"
print(d.x, D.x)
del d.x
print(d.x)
