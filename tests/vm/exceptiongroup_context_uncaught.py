try:
    raise ExceptionGroup("first", [ValueError(1)])
except ExceptionGroup:
    raise RuntimeError("while handling a group")
