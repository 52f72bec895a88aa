class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi")
print(s, s.shout(), repr(s), len(s), s + "x", type(s + "x").__name__)
print(isinstance(s, str), s == "hi", hash(s) == hash("hi"), {s: 1}["hi"])
class Tagged(str):
    def __new__(cls, v, tag):
        obj = super().__new__(cls, v)
        obj.tag = tag
        return obj
t = Tagged("val", "T")
print(t, t.tag, t.upper(), type(t.upper()).__name__)
class R(str):
    def __repr__(self): return "R" + super().__repr__()
print(repr(R("z")), [R("z")], str(R("z")))
class I(int):
    def __add__(self, o): return I(int(self) + o + 100)
print(I(1) + 2, type(I(1) + 2).__name__, I(5) * 2, type(I(5) * 2).__name__)
class Fl(float): pass
print(Fl(1.5), Fl(1.5) + 1, repr(Fl(2)))
class T(tuple): pass
print(T((1, 2)), T([3]) + (4,))
