class Typed:
    def __init__(self, t):
        self.t = t
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.t):
            raise TypeError(f"expected {self.t.__name__}")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, owner=None):
        return "nondata"
class P:
    x = Typed(int)
    y = NonData()
p = P()
p.x = 5
print(p.x, type(P.x).__name__, p.y)
try:
    p.x = "s"
except TypeError as e:
    print(e)
p.__dict__["y"] = "instance wins"
p.__dict__["x"] = "data descriptor wins"
print(p.y, p.x)
