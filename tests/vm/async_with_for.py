class Tick:
    def __await__(self):
        yield "tick"
class ACM:
    async def __aenter__(self):
        print("aenter"); await Tick(); return "res"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None); await Tick(); return True
class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        await Tick()
        return self.i
async def main():
    async with ACM() as r:
        print("body", r)
        raise ValueError("suppressed")
    out = []
    async for x in AIter(3):
        out.append(x)
    print(out)
    print([y async for y in AIter(2)])
    return "end"
def run(coro):
    n = 0
    try:
        while True:
            coro.send(None); n += 1
    except StopIteration as e:
        print("suspended", n, "times, returned", e.value)
run(main())
