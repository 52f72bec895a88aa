class Base:
    def __init__(self, **kw):
        print("Base", kw)
class A(Base):
    def __init__(self, a=None, **kw):
        print("A", a)
        super().__init__(**kw)
class B(Base):
    def __init__(self, b=None, **kw):
        print("B", b)
        super().__init__(**kw)
class C(A, B):
    def __init__(self, **kw):
        print("C")
        super().__init__(**kw)
C(a=1, b=2, extra=3)
print([k.__name__ for k in C.__mro__])
