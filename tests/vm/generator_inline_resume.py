# Generators resumed by the eval loop itself (FOR_ITER / SEND over an exact generator,
# 3.12's FOR_ITER_GEN / SEND_GEN): values, early exit, return values, exceptions leaving
# the generator frame, PEP 479, re-entrancy, recursion, send/throw/close through
# `yield from` chains, and tracebacks.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print([x for x in count(5)])
total = 0
for x in count(10):
    if x == 6:
        break
    total += x
print("total", total)

# The return value of a generator consumed by for is dropped; yield from receives it.
def outer():
    r = yield from count(3)
    print("yield from got", r)
    r2 = yield from count(0)
    print("empty yield from got", r2)
    return r


print(list(outer()))

# Nested for over generators over generators.
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


print(list(squares(evens(count(20)))))

# An exhausted generator ends a for at once; so does a closed one.
g = count(2)
print(list(g), list(g))
for x in g:
    print("never")
g = count(5)
next(g)
g.close()
for x in g:
    print("never")
print("closed ok")


# An exception leaving the generator frame reaches the for loop's handler.
def boom(n):
    yield 1
    if n:
        raise ValueError("boom %d" % n)
    yield 2


for n in (0, 1):
    try:
        for x in boom(n):
            print("got", x)
    except ValueError as e:
        print("caught", e, type(e.__context__))
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print("tb lines", lines)


def traced():
    def inner():
        yield 1
        1 / 0

    for x in inner():
        pass


try:
    traced()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        print("traced tb line", tb.tb_lineno)
        tb = tb.tb_next


# PEP 479: StopIteration raised inside becomes RuntimeError, with the cause kept.
def stopper():
    yield 1
    raise StopIteration("inner")


try:
    for x in stopper():
        print("stopper", x)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), e.__suppress_context__)


def delegating_stopper():
    yield from stopper()


try:
    for x in delegating_stopper():
        print("delegating", x)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


# Re-entrancy: a generator resumed by for that calls next() on itself.
def selfish():
    yield 1
    try:
        next(me)
    except ValueError as e:
        print("reentry:", e)
    yield 2


me = selfish()
for x in me:
    print("selfish", x, me.gi_running)


def watch():
    yield watched.gi_running


watched = watch()
for x in watched:
    print("gi_running inside:", x)
print("gi_running after:", watched.gi_running)


# Recursive generators (yield from recursion) and the recursion limit.
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree


tree = [1, [2, [3, [4, [5, [6]]]]], 7, [[8], 9]]
print(list(walk(tree)))
deep = 0
for _ in range(60):
    deep = [deep]
print(list(walk(deep)))


def forever(n):
    yield n
    yield from forever(n + 1)


try:
    for x in forever(0):
        pass
except RecursionError:
    print("RecursionError at some depth")

# The generator survives the RecursionError and still works after it.
g = count(3)
print(next(g), list(g))

# send() and throw() and close() through a yield from chain driven from outside.
def echo():
    got = []
    try:
        while True:
            v = yield len(got)
            got.append(v)
    except KeyError as e:
        print("echo caught", repr(e))
        yield "after KeyError"
    finally:
        print("echo finally", got)
    return got


def relay():
    r = yield from echo()
    print("relay got", r)
    yield "relay end"


r = relay()
print(next(r))
print(r.send("a"))
print(r.send("b"))
print(r.throw(KeyError("k")))
r.close()
print("closed relay")

r = relay()
next(r)
r.send(1)
try:
    r.throw(TypeError("t"))
except TypeError as e:
    print("TypeError out:", e)


# Finalisation of a generator left suspended by a for loop's break.
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


for x in with_finally():
    print("wf", x)
    break
print("after break")


# sys.exc_info() inside a generator resumed while the caller handles an exception.
def exc_seer():
    yield sys.exc_info()[0]


try:
    raise KeyError
except KeyError:
    for t in exc_seer():
        print("exc_info in generator:", t)
print("exc_info after:", sys.exc_info()[0])


# Generator expressions over generators, and a generator passed to builtins mid-way.
g = count(10)
next(g)
print(sum(x for x in g if x % 3), list(g))
print(max(y for y in (x * 3 % 11 for x in count(30))))


# yield from over non-generators still works; and a subclass-free generator via iter().
def mixed():
    yield from [1, 2]
    yield from range(3, 5)
    yield from iter(count(2))


print(list(mixed()))


# Return in a generator after a yield inside try/finally, consumed by for.
def ret_finally():
    try:
        yield "a"
        return "x"
    finally:
        print("ret_finally cleanup")


print([v for v in ret_finally()])

# Exceptions raised by the for body do not disturb the generator.
g = count(5)
try:
    for x in g:
        if x == 2:
            raise IndexError(x)
except IndexError as e:
    print("body raised", e, "next:", next(g))
