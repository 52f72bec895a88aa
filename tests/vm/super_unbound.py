# super(C) / super(C, None): an unbound super (repr NULL, no attribute lookup), bound
# by super.__get__ (also when read through an instance, as a class attribute); reprs.
class A:
    def f(self): return 'A.f'
class B(A):
    def f(self): return 'B.f'
b = B()
print(super(B, b), super(B, B), super(B), super(B, None))
class M(type): pass
class C(metaclass=M): pass
print(super(C, C), super(M, C))
for args in [(B, 5), (5,), (B, b, 3)]:
    try: super(*args)
    except TypeError as e: print(e)
s = super(B)
print(s.__thisclass__, s.__self__, s.__self_class__)
try: s.f
except AttributeError as e: print(e)
print(s.__get__(b).f(), s.__get__(None) is s, s.__get__(None, B) is s, super(B, b).__get__(A()) .__self__ is b)
try: s.__get__(5)
except TypeError as e: print(e)
print(type(super.__dict__['__get__']).__name__, super.__get__)
class D(B):
    sup = super(B)
    def g(self): return self.sup.f()
d = D()
print(d.g(), D.sup, d.sup)
class E:
    def __init__(self): self.__super = super(E, self)
print(type(super(B)).__name__)
print(super(B, b).f(), super(A, b).__class__)
