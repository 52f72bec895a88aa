# A dying exception releases what it holds in BaseException_clear's order (its __dict__,
# where 3.11 keeps __notes__, then args, traceback, __cause__, __context__): __del__
# methods show it. Exceptions are reused after they die (pyrs recycles their data): a
# new exception must start empty.
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class E(Exception):
    pass


e = E(D("arg"))
e.x = D("dict")
e.add_note("n")
e.__notes__.append(D("note"))
e.__context__ = ValueError(D("ctxarg"))
e.__cause__ = KeyError(D("causearg"))
print("drop")
del e
print("after")
k = KeyError(D("k1"), D("k2"))
k.y = D("kdict")
del k
print("end")

# Reused exception data: nothing of a dead exception shows in a new one.
for i in range(40):
    x = ValueError(i)
    x.add_note("note %d" % i)
    x.__cause__ = TypeError(i)
    x.__context__ = KeyError(i)
    x.attr = i
    try:
        raise x
    except ValueError as caught:
        pass
    del x
y = ValueError("fresh")
print(y.args, y.__cause__, y.__context__, y.__suppress_context__, y.__traceback__,
      hasattr(y, "__notes__"), vars(y), hasattr(y, "attr"))
z = E("fresh")
print(z.args, z.__cause__, z.__context__, z.__traceback__, vars(z))
try:
    raise OSError(2, "gone", "f")
except OSError as o:
    print(o.errno, o.filename, o.args)
try:
    raise ImportError("m", name="n", path="p")
except ImportError as im:
    print(im.name, im.path, im.msg)
r = ImportError("r")
print(r.name, r.path, r.msg)
