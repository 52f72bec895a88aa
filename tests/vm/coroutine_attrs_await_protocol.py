import sys
class Fut:
    def __init__(self): self.result = None
    def __await__(self):
        v = yield self
        return v
async def worker(tag):
    f = Fut()
    got = await f
    return f"{tag}:{got}"
async def gather(*coros):
    out = []
    for c in coros:
        out.append(await c)
    return out
c = gather(worker("a"), worker("b"))
print(c.cr_running, c.cr_await, c.cr_code.co_name, repr(c)[:27])
y = c.send(None)
print(type(y).__name__, type(c.cr_await).__name__)
y = c.send(1)
try:
    c.send(2)
except StopIteration as e:
    print(e.value)
print(c.cr_await, c.cr_running)
async def boom():
    raise ValueError("inside coroutine")
b = boom()
try: b.send(None)
except ValueError as e: print("raised", e)
try: b.send(None)
except RuntimeError as e: print(e)
async def stop(): raise StopIteration("x")
try: stop().send(None)
except RuntimeError as e: print(e, type(e.__cause__).__name__)
async def awaits_twice(co):
    await co
    await co
async def noop(): return 1
try: awaits_twice(noop()).send(None)
except RuntimeError as e: print(e)
async def bad_send(): pass
bs = bad_send()
try: bs.send(5)
except TypeError as e: print(e)
bs.close()
