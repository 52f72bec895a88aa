# anext(aiterator, default): the anext_awaitable, driven with send() (no event loop).
import types

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def agen():
    yield 1
    yield 2

async def main():
    g = agen()
    out = [await anext(g, 'd'), await anext(g, 'd'), await anext(g, 'd'), await anext(g, 'e')]
    return out
print(run(main()))

class AIt:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n
async def main2():
    it = AIt()
    return [await anext(it, None), await anext(it, None), await anext(it, None), await anext(it, 'x')]
print(run(main2()))

# The awaitable's methods directly.
aw = anext(agen(), 'dflt')
print(type(aw).__name__, aw.__await__() is aw, iter(aw) is aw)
try:
    aw.send(None)
except StopIteration as e:
    print('value', e.value)

g = agen()
run(anext(g)); run(anext(g))
aw = anext(g, [1, 2])
try:
    next(aw)
except StopIteration as e:
    print('list default', e.value, e.args)
aw = anext(agen(), None)
try:
    aw.send(None)
except StopIteration as e:
    print('first', e.value, e.args)
g2 = agen(); run(anext(g2)); run(anext(g2))
try:
    anext(g2, None).send(None)
except StopIteration as e:
    print('none default', e.value, e.args)

# An __anext__ that awaits something that suspends: the yields pass through.
class suspend:
    def __init__(self, v): self.v = v
    def __await__(self):
        r = yield self.v
        return r
class Slow:
    def __aiter__(self): return self
    async def __anext__(self):
        got = await suspend('tick')
        if got == 'stop':
            raise StopAsyncIteration
        return got
aw = anext(Slow(), 'default')
print(aw.send(None))
try:
    aw.send('stop')
except StopIteration as e:
    print('slow', e.value)
aw = anext(Slow(), 'default')
print(aw.send(None))
try:
    aw.throw(ValueError('thrown'))
except ValueError as e:
    print('throw', e)
aw = anext(Slow(), 'default')
print(aw.send(None), aw.close())

# Errors.
for f in [lambda: anext(1), lambda: anext(), lambda: anext(agen(), 1, 2), lambda: anext([], 0)]:
    try: f()
    except TypeError as e: print('TypeError', e)
class BadAnext:
    def __aiter__(self): return self
    def __anext__(self): return 5
print(anext(BadAnext()))
try:
    next(anext(BadAnext(), 0))
except TypeError as e:
    print('TypeError', e)
async def raises():
    raise KeyError('k')
class R:
    def __anext__(self): return raises()
try:
    anext(R(), 0).send(None)
except KeyError as e:
    print('KeyError', e)

# next() propagates a class's StopIteration as raised; await gives its value.
class I:
    def __next__(self): raise StopIteration(5, 6)
try: next(I())
except StopIteration as e: print('next', e.value, e.args)
print(next(I(), 'dflt'))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 1: raise StopIteration(42)
        return 'y'
class A:
    def __await__(self): return It()
async def f():
    return await A()
c = f()
print(c.send(None))
try: c.send(None)
except StopIteration as e: print('ret', e.value)
