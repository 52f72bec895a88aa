def deco(fn):
    def wrapper(*a, **k):
        print("before", fn.__name__)
        r = fn(*a, **k)
        print("after")
        return r
    wrapper.__wrapped__ = fn
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(1, 2), add.__wrapped__.__name__)
def param(n):
    def d(fn):
        return lambda *a: fn(*a) * n
    return d
@param(3)
@param(2)
def one():
    return 1
print(one())
class C:
    @deco
    def m(self):
        return "m"
print(C().m())
