# Traceback entries are made into traceback objects only when `__traceback__` is read
# (sys.exc_info, the report, with_traceback, ...): the chain, its identities and each
# entry's line, lasti and frame must read as if made one by one while unwinding.
import sys


def chain(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti > 0))
        tb = tb.tb_next
    return out


def inner(x):
    y = x * 2
    raise ValueError(y)


def middle(x):
    z = x + 1
    return inner(z)


def outer(x):
    try:
        return middle(x)
    except ValueError as e:
        first = e.__traceback__
        print("inner view", chain(first))
        print(first is e.__traceback__, sys.exc_info()[2] is first)
        raise


try:
    outer(1)
except ValueError as e:
    tb = e.__traceback__
    print("outer view", chain(tb))
    # The entries made in `outer`'s handler are the tail of the longer chain.
    t = tb
    while t is not None and t.tb_frame.f_code.co_name != "outer":
        t = t.tb_next
    print(t is not None, tb is e.__traceback__, sys.exc_info()[2] is tb)
    print(sorted(tb.tb_next.tb_next.tb_next.tb_frame.f_locals.items()))


# Never read while unwinding: read once at the top.
def deep(n):
    if n == 0:
        raise KeyError("bottom")
    return deep(n - 1)


try:
    deep(4)
except KeyError as e:
    c = chain(e.__traceback__)
    print(len(c), c[0], c[-1])
    print([f.tb_frame.f_locals.get("n") for f in [e.__traceback__]])


# with_traceback and assignment replace the pending entries too.
def raiser():
    raise TypeError("t")


try:
    raiser()
except TypeError as e:
    e.with_traceback(None)
    print(e.__traceback__)
    err = e
try:
    raise err
except TypeError as e:
    print(chain(e.__traceback__))

try:
    raiser()
except TypeError as e:
    saved = e.__traceback__
try:
    try:
        raiser()
    except TypeError as e:
        e.__traceback__ = saved
        raise
except TypeError as e:
    print(chain(e.__traceback__), e.__traceback__ is saved)


# Re-raising the same exception object adds entries on top of the made ones.
stash = []


def again(e):
    raise e


try:
    raiser()
except TypeError as e:
    stash.append(e)
    head1 = e.__traceback__
for i in range(2):
    try:
        again(stash[0])
    except TypeError as e:
        c = chain(e.__traceback__)
        print(i, len(c), c[0][0], c[-1][0])
t = stash[0].__traceback__
while t.tb_next is not None and t is not head1:
    t = t.tb_next
print(t is head1)


# Exception chaining: the context's traceback is made when the report needs it.
def ctx():
    try:
        {}["a"]
    except KeyError:
        raise ValueError("second")


try:
    ctx()
except ValueError as e:
    print(type(e.__context__).__name__, chain(e.__context__.__traceback__))
    print(chain(e.__traceback__))


# A generator's frame.
def gen():
    yield 1
    raise RuntimeError("in gen")


try:
    for v in gen():
        pass
except RuntimeError as e:
    print(chain(e.__traceback__))


# Exception groups copy the traceback into what they derive.
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        print(type(eg).__name__, eg.__traceback__ is not None)
        raise
except* TypeError as eg:
    print(repr(eg.exceptions), eg.__traceback__ is not None)
except* ValueError as eg:
    print(repr(eg.exceptions), chain(eg.__traceback__))


# Many exceptions caught without a look at their traceback.
total = 0
for i in range(2000):
    try:
        {}[i]
    except KeyError as k:
        total += k.args[0]
print(total)


class Boom(Exception):
    pass


def fail(i):
    raise Boom(i)


n = 0
for i in range(1000):
    try:
        fail(i)
    except Boom as b:
        n += b.args[0]
        if i == 999:
            print(chain(b.__traceback__))
print(n)

# The uncaught report reads the pending entries.
deep(2)
