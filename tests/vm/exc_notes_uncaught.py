try:
    raise ValueError("bad")
except ValueError as e:
    e.add_note("first note")
    print(e.__notes__)
e = KeyError("k")
e.add_note("multi\nline")
e.add_note("second")
raise e
