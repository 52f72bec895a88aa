class Tick:
    def __await__(self):
        yield "tick"
async def agen():
    yield 1
    await Tick()
    yield 2
class Counter:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2: raise StopAsyncIteration
        return self.n * 100
async def main():
    it = aiter(agen())
    print(type(it).__name__, await anext(it), await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("exhausted")
    c = aiter(Counter())
    print(await anext(c), await anext(c))
    try: aiter(5)
    except TypeError as e: print(e)
    try: anext([1])
    except TypeError as e: print(e)
    return "done"
def run(co):
    try:
        while True: co.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
