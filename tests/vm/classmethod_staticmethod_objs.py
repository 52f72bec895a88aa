class C:
    @classmethod
    def cm(cls, x): return (cls.__name__, x)
    @staticmethod
    def sm(x): return x * 2
print(C.cm(1), C().cm(2), C.sm(3), C().sm(4))
cm = C.__dict__["cm"]
sm = C.__dict__["sm"]
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, sm.__func__.__name__)
print(sm(5))
class D(C): pass
print(D.cm(0))
bound = C.cm
print(bound.__self__ is C, bound.__func__ is cm.__func__)
f = staticmethod(len)
print(f.__wrapped__ is len if hasattr(f, "__wrapped__") else "nowrap")
