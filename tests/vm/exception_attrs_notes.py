e = ValueError(1, "two")
print(e.args, str(e), repr(e))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
try:
    raise StopIteration(5)
except StopIteration as s:
    print(s.value)
def g():
    yield 1
    return "done"
it = g()
next(it)
try:
    next(it)
except StopIteration as s:
    print(s.value, s.args)
e = Exception("x")
e.add_note("note1")
e.add_note("note2")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as t:
    print(t)
print(str(Exception()), repr(Exception()), repr(Exception("a", "b")))
