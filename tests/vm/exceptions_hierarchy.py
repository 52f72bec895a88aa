for exc in [ValueError, KeyError, IndexError, ZeroDivisionError, RecursionError, NotImplementedError,
            ModuleNotFoundError, UnboundLocalError, StopIteration, SystemExit, KeyboardInterrupt]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__])
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError caught", repr(e), str(e))
e = ValueError(1, 2)
print(e.args, str(e), repr(e), repr(Exception()), str(Exception()))
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError
    except ValueError:
        raise
except ValueError as e:
    print("reraised", type(e).__name__)
