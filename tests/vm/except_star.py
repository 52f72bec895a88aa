try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
except* ValueError as e:
    print("ValueError part", repr(e))
except* (TypeError, KeyError) as e:
    print("other part", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled value")
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    raise TypeError("naked")
except* TypeError as e:
    print("wrapped", repr(e))
