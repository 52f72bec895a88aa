try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("no context shown") from None
except TypeError as e:
    print(e.__suppress_context__, type(e.__context__).__name__, e.__cause__)
try:
    {}["k"]
except KeyError:
    raise AttributeError("final") from None
