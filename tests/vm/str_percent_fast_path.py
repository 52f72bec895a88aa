# `%` formatting with bare %d/%i/%s fields takes a direct path; everything around it must
# still behave as CPython (argument counts, mappings, subclasses, bools, big ints).
class S(str):
    def __str__(self):
        return "S!"

class I(int):
    def __str__(self):
        return "I!"

cases = [
    ("w%d", 5), ("w%d", -5), ("%s", "abc"), ("%s-%s", ("a", 1)), ("%i%%", (3,)),
    ("abc", ()), ("%d", 2**70), ("%s", 2**70), ("%d", True), ("%s", True), ("%s", None),
    ("%s", S("x")), ("%d", I(4)), ("%s", I(4)), ("%s", "é"), ("é%d", 1), ("%s", (1,)),
    ("%s", ((1, 2),)), ("%d", 1.9), ("%5d|%-4s|", (7, "ab")), ("%(a)s", {"a": 1}),
    ("%s %s", "ab"), ("%d", "x"), ("abc", 5), ("abc", "x"), ("%", ()), ("%d %d", (1,)),
    ("%d", (1, 2)), ("%s", []), ("%%s", ()), ("%s", {"k": 1}),
]
for fmt, args in cases:
    try:
        r = fmt % args
    except (TypeError, ValueError) as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(fmt), repr(r))
