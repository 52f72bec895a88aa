def f():
    try:
        raise ExceptionGroup("eg", [ValueError("v"), TypeError("t"), KeyError("k")])
    except* ValueError:
        print("handled ValueError")
    except* TypeError:
        raise
try:
    f()
except ExceptionGroup as e:
    print(repr(e), [repr(x) for x in e.exceptions])
def g():
    try:
        raise ExceptionGroup("eg", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise RuntimeError("new in handler")
try:
    g()
except ExceptionGroup as e:
    print(repr(e))
    for x in e.exceptions:
        print(" ", repr(x), repr(x.__context__) if x.__context__ else None)
try:
    try:
        raise ExceptionGroup("eg", [ValueError("v")])
    except* ValueError as eg:
        print("bound", repr(eg), type(eg).__name__)
except Exception as e:
    print("should not get here", e)
else:
    print("fully handled")
try:
    try:
        raise ValueError("x")
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
