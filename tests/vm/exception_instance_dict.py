# Exception instances carry user attributes in their own __dict__ (BaseException_get_dict),
# while args, __cause__, __context__, __traceback__ stay the exception's own fields.
e = ValueError("bad", 2)
print(e.__dict__, vars(e))
e.note = "extra"
e.count = 3
print(e.note, e.count, sorted(e.__dict__.items()))
e.__dict__["direct"] = True
print(e.direct)
del e.count
print(sorted(vars(e)))
try:
    del e.count
except AttributeError as err:
    print("AttributeError:", err)
try:
    e.missing
except AttributeError as err:
    print("AttributeError:", err)
e.args = ("changed",)
e.__cause__ = KeyError("k")
print(e.args, repr(e), e.__suppress_context__, "args" in e.__dict__)


class MyError(Exception):
    pass


m = MyError(1)
m.args = (2,)
m.__cause__ = TypeError()
m.tag = "t"
print(m.args, str(m), m.__dict__, m.__suppress_context__)

try:
    try:
        raise OSError(2, "nope")
    except OSError as exc:
        exc.where = "inner"
        raise
except OSError as exc2:
    print(exc2.where, exc2.errno, exc2.__dict__)
