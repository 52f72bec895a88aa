try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__, repr(v.__context__))
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise TypeError("t") from None
except TypeError as t:
    print(t.__cause__, t.__suppress_context__, repr(t.__context__))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(e)
