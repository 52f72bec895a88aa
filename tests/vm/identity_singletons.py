a = None
print(a is None, True is True, (1 == 1) is True, type(True), bool(0) is False)
x = [1]
y = x
print(x is y, x is not [1], id(x) == id(y))
def f(): pass
print(f() is None, NotImplemented is NotImplemented, ... is Ellipsis)
