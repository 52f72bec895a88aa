class Lazy:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        return f"computed {name}"
l = Lazy()
print(l.real, l.other)
class Logged:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
g = Logged(); g.a = 5; print(g.a)
class Desc:
    def __get__(self, obj, owner):
        return "desc" if obj is not None else "class"
class H:
    d = Desc()
print(H().d, H.d)
