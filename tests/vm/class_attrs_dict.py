class C:
    x = 1
    def m(self): pass
c = C()
print(C.x, c.x, "x" in C.__dict__, c.__dict__, C.__name__, C.__qualname__, C.__module__)
c.x = 2
print(c.x, C.x)
del c.x
print(c.x)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, repr(Outer.Inner)[:30])
print(repr(C)[:17], type(C), type(type))
