# coroutine.__await__() returns a coroutine_wrapper that drives the coroutine.
import types
class Suspend:
    def __await__(self):
        got = yield "suspended"
        return got
async def co(x):
    got = await Suspend()
    return x, got
c = co(1)
w = c.__await__()
print(type(w).__name__, iter(w) is w, next(w))
try:
    w.send("value")
except StopIteration as e:
    print("returned", e.value)
c = co(2)
w = c.__await__()
print(w.send(None))
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
c = co(3)
w = c.__await__()
next(w)
print(w.close(), c.cr_frame)
print(type(c).__await__, types.CoroutineType.__await__ is type(c).__dict__["__await__"])
try:
    type(c).__await__(1)
except TypeError as e:
    print(e)
async def outer():
    return await co(4).__await__() if False else await co(4)
o = outer()
print(o.send(None))
try:
    o.send("x")
except StopIteration as e:
    print(e.value)
c = co(5)
c.close()
