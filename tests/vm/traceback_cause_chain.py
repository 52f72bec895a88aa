def low():
    raise KeyError("low")
def mid():
    try:
        low()
    except KeyError as e:
        raise ValueError("mid") from e
try:
    mid()
except ValueError as e:
    raise RuntimeError("top")
