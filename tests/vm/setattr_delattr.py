class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
l = Logged()
l.x = 1
print(l.x)
del l.x
try:
    del l.x
except AttributeError as e:
    print("AttributeError", e)
try:
    print(l.x)
except AttributeError as e:
    print("AttributeError", e)
setattr(l, "y", 2)
print(getattr(l, "y"), hasattr(l, "y"), hasattr(l, "z"))
delattr(l, "y")
print(getattr(l, "y", "default"))
class Frozen:
    def __setattr__(self, n, v):
        raise AttributeError(f"frozen: {n}")
try:
    Frozen().a = 1
except AttributeError as e:
    print(e)
