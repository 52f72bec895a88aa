# Assigning a function's __code__: CPython's checks (a code object, the same number of
# free variables); assigning the function's own code object keeps it. (Replacing it with
# another code object raises NotImplementedError in pyrs: docs/differences.md.)
def f():
    return 1


f.__code__ = f.__code__
print(f(), f.__dict__)
for bad in (5, None):
    try:
        f.__code__ = bad
    except TypeError as e:
        print("TypeError", e)


def mk():
    x = 1
    return lambda: x


try:
    f.__code__ = mk().__code__
except ValueError as e:
    print("ValueError", e)
try:
    del f.__code__
except TypeError as e:
    print("TypeError", e)
