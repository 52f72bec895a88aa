# gi_suspended / cr_suspended / gi_running through a generator's life: False before the
# first next() (FRAME_CREATED), True at a yield, False while running and once finished.
import sys


def g():
    print("inside: running", me.gi_running, "suspended", me.gi_suspended)
    yield 1
    yield 2


me = g()
print("created", me.gi_suspended, me.gi_running, me.gi_frame is not None)
print(next(me))
print("at yield", me.gi_suspended, me.gi_running)
print(list(me))
print("finished", me.gi_suspended, me.gi_running, me.gi_frame)

h = g()
h.close()
print("closed before start", h.gi_suspended, h.gi_frame)

k = (x for x in range(3))
print("genexpr", k.gi_suspended, next(k), k.gi_suspended, sum(k), k.gi_suspended)


async def c():
    return 5


co = c()
print("coroutine created", co.cr_suspended, co.cr_running)
try:
    co.send(None)
except StopIteration as e:
    print("returned", e.value, co.cr_suspended)


def failing():
    yield 1
    raise ValueError("boom")


f = failing()
next(f)
try:
    next(f)
except ValueError as e:
    print("raised", e, f.gi_suspended, f.gi_frame)
