def parse(s):
    return int(s)
try:
    parse("abc")
except ValueError as e:
    raise RuntimeError("could not parse") from e
