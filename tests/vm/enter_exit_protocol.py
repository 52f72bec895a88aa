class CM:
    def __init__(self, name, swallow=False): self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name); return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.swallow
with CM("a") as x, CM("b") as y:
    print(x, y)
with CM("s", True):
    raise ValueError("swallowed")
print("after")
try:
    with CM("n"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)
class NoEnter: pass
try:
    with NoEnter(): pass
except TypeError as e:
    print(e)
class NoExit:
    def __enter__(self): return self
try:
    with NoExit(): pass
except TypeError as e:
    print(e)
def f():
    with CM("r"):
        return "returned"
print(f())
for i in range(2):
    with CM(str(i)):
        continue
