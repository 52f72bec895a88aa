# The loop's simple-call path (exact positional arguments) starts most frames after their
# RESUME 0 (the call does RESUME's eval-breaker test): frames with cells, free variables
# or generators start at 0. What a frame shows from its first line must not change.
import sys


def first_line():
    return sys._getframe().f_lineno


def first_raise(x):
    return 1 // x


def with_cell(a):
    def inner():
        return a + 1

    return inner()


def counter(n):
    total = 0

    def add(k):
        nonlocal total
        total += k

    for i in range(n):
        add(i)
    return total


def gen(n):
    yield from range(n)


lam = lambda a, b: (a, b, sys._getframe().f_code.co_name)


def caller_info():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno


def where():
    return caller_info()


print(first_line(), with_cell(4), counter(5), list(gen(3)), lam(1, 2))
print(where())
try:
    first_raise(0)
except ZeroDivisionError as e:
    tb, lines = e.__traceback__, []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti > 0))
        tb = tb.tb_next
    print(lines, e)


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print("RecursionError", e)


def count_frames():
    f, n = sys._getframe(), 0
    while f is not None:
        f, n = f.f_back, n + 1
    return n


def nest(k):
    return count_frames() if k == 0 else nest(k - 1)


print(nest(10) - count_frames())
print(sum(map(lambda v: v * 2, range(10))), sorted([3, 1, 2], key=lambda v: -v))
