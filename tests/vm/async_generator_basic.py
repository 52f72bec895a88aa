class Tick:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
    print("agen done")
def drive(aw):
    try:
        while True: aw.send(None)
    except StopIteration as e:
        return e.value
async def main():
    g = agen(3)
    print(type(g).__name__, g.__name__)
    print(await g.__anext__())
    async for v in g:
        print("v", v)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    g2 = agen(5)
    print(await g2.asend(None))
    await g2.aclose()
    try: await g2.__anext__()
    except StopAsyncIteration: print("closed")
    return "ok"
print(drive(main()))
