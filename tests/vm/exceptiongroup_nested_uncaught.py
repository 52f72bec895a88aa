def inner():
    raise ExceptionGroup("inner", [KeyError("k"), ValueError("v")])
def outer():
    try:
        inner()
    except ExceptionGroup as e:
        e.add_note("a note on the inner group")
        raise ExceptionGroup("outer", [e, TypeError("t")])
outer()
