class A:
    a = 1
    def m(self): pass
class B(A):
    b = 2
obj = B()
obj.inst = 3
print([n for n in dir(obj) if not n.startswith("__")])
print([n for n in dir(B) if not n.startswith("__")])
class Custom:
    def __dir__(self): return ["z", "a", "m"]
print(dir(Custom()))
def f():
    x = 1; y = 2
    return dir()
print(f())
print("append" in dir([]), "keys" in dir({}), "upper" in dir("s"))
