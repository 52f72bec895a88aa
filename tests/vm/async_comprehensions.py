class Tick:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Tick()
        yield i
async def square(x):
    await Tick()
    return x * x
async def main():
    a = [x async for x in agen(4)]
    b = {x: x * 2 async for x in agen(3) if x}
    c = [await square(x) for x in range(3)]
    d = {x async for x in agen(3)}
    e = [y for y in [await square(5)]]
    g = (x async for x in agen(3))
    f = [v async for v in g]
    return a, b, c, sorted(d), e, f, type(g).__name__
def run(c):
    try:
        while True: c.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
