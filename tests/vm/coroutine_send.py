class Awaitable:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield ("suspend", self.v)
        return got * 2
async def add(a, b):
    x = await Awaitable(a)
    y = await Awaitable(b)
    return x + y
async def main():
    r = await add(1, 2)
    return f"result {r}"
c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.send(None))
print(c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print("done:", e.value)
c2 = main()
c2.close()
c3 = main()
print(c3.send(None))
try: c3.throw(ValueError("into coro"))
except ValueError as e: print("propagated", e)
async def simple(): return 5
s = simple()
try: s.send(None)
except StopIteration as e: print(e.value)
try: s.send(None)
except RuntimeError as e: print(e)
