# A generator resumed by the loop (FOR_ITER/SEND) or driven by sum/max skips the RESUME
# and POP_TOP after its yield, or takes the JUMP_BACKWARD_NO_INTERRUPT of a `yield from`
# loop itself (generator::resume_target). Every shape of what follows a yield must still
# see the value it was sent, in the right place.
import sys


def stmt(n):
    for i in range(n):
        yield i  # YIELD_VALUE, RESUME 1, POP_TOP


def expr(n):
    got = []
    for i in range(n):
        x = yield i  # the value sent is stored (no POP_TOP)
        got.append(x)
    return got


def expr_in_call(n):
    out = []
    for i in range(n):
        out.append((yield i))
    return out


def delegating(n):
    r = yield from expr(n)  # SEND, YIELD_VALUE, RESUME 2, JUMP_BACKWARD_NO_INTERRUPT
    yield ("inner returned", r)
    r2 = yield from stmt(2)
    yield ("stmt returned", r2)


print(list(stmt(4)))
print([x for x in stmt(3)])
for v in stmt(2):
    print("for", v)

g = expr(3)
print(next(g), g.send("a"), g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("returned", e.value)

g = expr_in_call(3)
print(next(g), g.send(10), g.send(20))
try:
    g.send(30)
except StopIteration as e:
    print("returned", e.value)

# FOR_ITER over a delegating generator: the inner one gets None each time.
print(list(delegating(3)))

# send() through yield from: the values reach the innermost generator.
g = delegating(2)
print(next(g), g.send("x"), g.send("y"))
print(g.send("z"))
print(list(g))


# A generator driven by sum/max (the absorbed yield's RESUME/POP_TOP skipped) and one
# whose yield value is used.
def used(n):
    total = 0
    for i in range(n):
        total += (yield i) or 0
    yield ("total", total)


print(sum(stmt(100)), max(stmt(50)), sum(x * 2 for x in stmt(10)))
print(sum(x for x in range(10) if x % 2), max(y for y in (x * 3 % 11 for x in range(20))))
print(list(used(4)))
print(sum(1 for _ in used(5)))


# Nested pipelines resumed inline, each with a yield statement.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


print(sum(squares(evens(numbers(20)))), list(squares(evens(numbers(9)))))


# A yield inside try/finally and with: the skipped instructions are not in a handler's
# way; close() and throw() at such a yield.
def guarded():
    try:
        for i in range(3):
            yield i
    finally:
        print("finally ran")


g = guarded()
for v in g:
    print("got", v)
    if v == 1:
        break
g.close()

g = guarded()
print(next(g))
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("thrown back", e)


# A yield whose result is discarded in the middle of an expression statement.
def chained_ops():
    (yield 1), (yield 2)
    yield 3


print(list(chained_ops()))


# gi_yieldfrom, gi_frame.f_lineno and f_locals of a generator suspended at a yield after
# inline resumes: they read the saved position, which the skip does not change.
def inner():
    yield 1
    yield 2


def outer():
    yield from inner()
    yield 3


o = outer()
for v in o:
    print(v, o.gi_yieldfrom is not None, o.gi_frame.f_lineno if o.gi_frame else None)
    if v == 2:
        break


def locals_gen():
    a = 1
    yield a
    b = a + 1
    yield b


lg = locals_gen()
for v in lg:
    print(v, sorted(lg.gi_frame.f_locals.items()))


# Recursion limit: inline resumes of nested generators still count.
def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


print(list(deep(50)))
try:
    list(deep(sys.getrecursionlimit() + 50))
except RecursionError:
    print("RecursionError")


# A long loop body between a `yield from`'s SEND and its jump back is impossible, but a
# long body around the yield is not: the jump back of the for loop needs EXTENDED_ARG.
def long_body(n):
    for i in range(n):
        x = yield i
        a = i
        a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1
        a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1
        a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1
        a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1
        a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1
        a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1
        a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1; a = a + 1
        if x is not None:
            print("sent", x, a)


def long_delegate():
    r = yield from long_body(3)
    return r


print(list(long_delegate()))
g = long_delegate()
print(next(g), g.send("s1"), g.send("s2"))


# An object sent into a yield statement is released when the statement drops it.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def sink():
    while True:
        yield
        print("after yield")


s = sink()
next(s)
s.send(Noisy("a"))
print("sent a")


def relay():
    yield from sink()


r = relay()
next(r)
r.send(Noisy("b"))
print("sent b")


# Resumes from Rust (next(), send(), zip, a coroutine's send through await: RESUME 3 and
# the jump back to its SEND).
import types


@types.coroutine
def tick():
    x = yield "tick"
    return x


async def co():
    a = await tick()
    b = await tick()
    return (a, b)


c = co()
print(c.send(None), c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print("coroutine returned", e.value)
print(list(zip(stmt(3), expr(5))), next(stmt(2)), next(iter(used(2))))
g = stmt(3)
print(next(g), next(g), next(g), next(g, "done"))
