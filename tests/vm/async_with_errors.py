class NoAsync:
    def __enter__(self): return self
    def __exit__(self, *a): pass
class BadAenter:
    def __aenter__(self): return 5
    async def __aexit__(self, *a): pass
class NotAIter:
    pass
class AIterNoANext:
    def __aiter__(self): return self
async def use(cm):
    async with cm:
        pass
async def loop(it):
    async for x in it:
        pass
def run(c):
    try:
        while True: c.send(None)
    except StopIteration as e:
        return e.value
for obj in [NoAsync(), BadAenter()]:
    try: run(use(obj))
    except TypeError as e: print(e)
for obj in [NotAIter(), AIterNoANext(), [1, 2]]:
    try: run(loop(obj))
    except TypeError as e: print(e)
class ACM:
    async def __aenter__(self): return self
    async def __aexit__(self, et, ev, tb):
        print("exit sees", et.__name__)
        return False
async def propagate():
    async with ACM():
        raise KeyError("through")
try: run(propagate())
except KeyError as e: print("propagated", e)
