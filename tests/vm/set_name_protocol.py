class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, owner=None):
        return self if obj is None else getattr(obj, self.name, None)
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
class Model:
    x = Field()
    y = Field()
m = Model()
m.x = 3
print(m.x, m.y, Model.x.name)
f = Field()
Model.z = f
print(hasattr(f, "name"))
class Bad:
    def __set_name__(self, owner, name): raise ValueError("boom")
try:
    class Owner:
        attr = Bad()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
