# A suspended generator dropped unfinished is closed (GeneratorExit at its yield, its
# finally blocks run); an unstarted or finished one runs nothing; one that yields in its
# finally is reported as "Exception ignored in" with CPython's RuntimeError.
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")


g = gen()
print(next(g))
del g
print("after del")


def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


g = catcher()
next(g)
g = None
print("after rebind")

g = gen()
g = None
print("unstarted: nothing ran")

g = gen()
print(list(g))
del g
print("finished: nothing more ran")


def bad():
    try:
        yield 1
    finally:
        yield 2


g = bad()
next(g)
del g
print("after bad")

for x in gen():
    break
print("after break")


def outer():
    try:
        yield from gen()
    finally:
        print("outer finally")


o = outer()
next(o)
del o
print("after yield from")
print(any(x > 0 for x in gen()))
print("end")
