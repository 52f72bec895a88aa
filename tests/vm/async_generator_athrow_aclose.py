class Tick:
    def __await__(self):
        yield "tick"
async def agen():
    try:
        yield 1
        await Tick()
        yield 2
    except KeyError as e:
        print("agen caught", repr(e))
        yield "recovered"
    finally:
        print("agen finally")
def run(aw):
    out = []
    try:
        while True:
            out.append(aw.send(None))
    except StopIteration as e:
        return out, e.value
    except StopAsyncIteration:
        return out, "StopAsyncIteration"
g = agen()
print(run(g.__anext__()))
print(run(g.asend(None)))
print(run(g.athrow(KeyError("k"))))
print(run(g.aclose()))
print(run(g.__anext__()))
g2 = agen()
print(run(g2.aclose()))
g3 = agen()
print(run(g3.__anext__()))
a = g3.__anext__()
print(run(a))
run(g3.aclose())
try: a.send(None)
except RuntimeError as e: print(e)
async def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
print(run(b.__anext__()))
try: run(b.aclose())
except RuntimeError as e: print(e)
async def raises_stop():
    raise StopAsyncIteration
    yield
try: run(raises_stop().__anext__())
except RuntimeError as e: print(e)
print(type(agen()).__name__, type(agen().__anext__()).__name__, type(agen().aclose()).__name__, agen().__aiter__().__class__.__name__)
