class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class A(Base, tag="a"):
    pass
class B(A):
    pass
print(Base.subs)
class Field:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + "." + name
class M:
    f = Field()
    g = Field()
print(M.f.name, M.g.name)
