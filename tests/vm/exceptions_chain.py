try:
    try:
        {}["x"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
