class A:
    def __init__(self):
        self.a = 1
        self.b = 2
print(vars(A()), sorted(k for k in dir(A()) if not k.startswith("_")))
x = 5
print("x" in globals(), globals()["x"])
def f():
    y = 3
    return locals()
print(f())
try:
    vars(5)
except TypeError as e:
    print(e)
