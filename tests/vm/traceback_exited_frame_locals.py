# The locals a traceback keeps for frames the exception left (copied as slots when the
# frame exits, made into f_locals when tb_frame is read): plain, unbound and deleted
# locals, cells changed after the frame exited (read when f_locals is made, as CPython),
# mutable values, three frames deep, a generator frame; and e.args read back as the
# stored tuple (e.args is e.args).


def leaf(a, b=2):
    c = [a, b]
    unbound_later = None
    del unbound_later
    raise ValueError(c)
    never = 1


def middle(x):
    m = x + 1
    leaf(m)


def top():
    t = "top"
    middle(10)


try:
    top()
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, sorted(tb.tb_frame.f_locals.items())))
        tb = tb.tb_next
    for f in frames[1:]:
        print(f)
    e.args[0].append("mutated after")
    print(sorted(e.__traceback__.tb_next.tb_next.tb_next.tb_frame.f_locals.items()))


def with_cell():
    n = 1

    def bump():
        nonlocal n
        n += 1
        return n

    try:
        raise KeyError("k")
    finally:
        bump.__defaults__ = None
        globals()["bump"] = bump


try:
    with_cell()
except KeyError as e:
    tb = e.__traceback__.tb_next
    bump()
    bump()
    print(sorted((k, v) for k, v in tb.tb_frame.f_locals.items() if k != "bump"))
    print(tb.tb_frame.f_locals is tb.tb_frame.f_locals)


def gen():
    g = "in gen"
    yield 1
    raise RuntimeError("from gen")


try:
    for _ in gen():
        pass
except RuntimeError as e:
    print(sorted(e.__traceback__.tb_next.tb_frame.f_locals.items()))


for exc in [ValueError(1, 2), KeyError("k"), Exception(), StopIteration(5), SystemExit(3)]:
    a = exc.args
    print(type(exc).__name__, a is exc.args, a)
exc = ValueError(1)
exc.args = [3, 4]
print(exc.args, type(exc.args).__name__, exc.args is exc.args)


class MyErr(Exception):
    def __init__(self, v):
        super().__init__(v, "extra")


m = MyErr(7)
print(m.args, m.args is m.args)
