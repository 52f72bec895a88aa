# Locations of while loops' jumps: the jump back at the end of the body (the one that
# tests for Ctrl-C, so a KeyboardInterrupt's traceback shows its span) is located at the
# whole `while` statement, not at its test, as in 3.11 (compiler_jump_if's general case
# jumps at the current location). Prints every instruction's co_positions().
import dis
import sys


def show(code):
    print(code.co_name)
    for ins in dis.get_instructions(code):
        print(" ", ins.offset, ins.opname, tuple(ins.positions))
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            show(c)


def forever():
    while True:
        x = 1


def forever_one():
    while 1:
        pass


def with_break_continue(n):
    i = 0
    while True:
        i += 1
        if i > n:
            break
        if i == 2:
            continue
        print(i)
    else:
        print("else")
    return i


def nested():
    i = 0
    while True:
        j = 0
        while True:
            j += 1
            if j > 2: break
        i += 1
        if i > 2: break
    return i, j


def tested(i):
    while i < 10:
        i += 1
    while (i >
           0):
        i -= 1
    while i:
        i -= 1
    while not i and (
            i < 3):
        i += 1
    return i


def in_try(a):
    while True:
        try:
            a += 1
        finally:
            if a > 3:
                break
        with open(__file__):
            pass
        for x in ():
            pass
    return a


i = 0
while True:
    i += 1
    if i > 3:
        break
while 1:
    break
while i:
    i -= 1
else:
    i = 7

print(with_break_continue(4), nested(), tested(0), in_try(0), i)
for f in (forever, forever_one, with_break_continue, nested, tested, in_try):
    show(f.__code__)
show(sys._getframe().f_code)
