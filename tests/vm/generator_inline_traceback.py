# An uncaught exception leaving a generator that a for loop and a yield from resumed
# inside the eval loop: the traceback lists every frame, as CPython's.
def leaf(n):
    yield n
    yield n // 0


def middle():
    yield from leaf(1)


def consume():
    total = 0
    for x in middle():
        total += x
    return total


print("start")
consume()
