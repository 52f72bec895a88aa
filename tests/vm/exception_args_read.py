# Reads of `e.args` (BaseException's getset, read through a fast path in
# descriptor::get) and the KeyError the VM makes for a dict miss.
import copy


class Invalid(Exception):
    pass


class Two(Exception):
    def __init__(self, a, b):
        super().__init__(a + b)
        self.a = a


class Prop(Exception):
    @property
    def args(self):
        return ("prop",)


class NoSuper(Exception):
    def __init__(self, x):
        self.x = x


def parse(i):
    raise Invalid(i)


for i in range(3):
    try:
        parse(i)
    except Invalid as e:
        print(e.args, e.args is e.args, e.args[0] == i, type(e.args).__name__)

try:
    raise Two(2, 3)
except Two as e:
    print(e.args, e.a)

try:
    raise Prop(1)
except Prop as e:
    print(e.args, BaseException.args.__get__(e))

print(NoSuper(5).args, NoSuper(5).x)

e = Invalid(1, 2)
e.args = [3, 4]
print(e.args, type(e.args).__name__)
e.args = "ab"
print(e.args)
try:
    del e.args
except TypeError as err:
    print("del:", err)

# OSError keeps more than it shows.
o = OSError(2, "No such file", "name.txt")
print(o.args, o.errno, o.filename, str(o))
o2 = OSError(1, 2, 3, 4, 5, 6)
print(o2.args)
print(FileNotFoundError(2, "x").args)

# The descriptor itself.
print(BaseException.args.__get__(KeyError("k")))
try:
    BaseException.args.__get__(5)
except TypeError as err:
    print(err)
print(BaseException.__dict__["args"].__name__)

# Pickling's reduction keeps args (and the subclass's attributes).
r = Invalid(7, "x").__reduce__()
print(r[0].__name__, r[1], r[2:])
p = copy.copy(Invalid(7, "x"))
print(type(p).__name__, p.args)
t = Two(1, 2)
print(t.__reduce__()[1:], copy.copy(NoSuper(3)).args)

# KeyError from a dict miss: args, str, chaining, sys.exc_info, traceback.
import sys

d = {1: 1}
for k in [2, (1, 2), "s", None]:
    try:
        d[k]
    except KeyError as e:
        print(repr(e), e.args, str(e), e.__context__, sys.exc_info()[0].__name__,
              e.__traceback__.tb_lineno > 0)

try:
    try:
        d[5]
    except KeyError:
        d[6]
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__context__.args)

try:
    raise ImportError("m")
except ImportError as e:
    print(e.args, e.msg, e.name)

e = KeyError("x").with_traceback(None)
print(e.args, e.__traceback__)
total = 0
for i in range(1000):
    try:
        total += d[i % 3]
    except KeyError as e:
        total -= len(e.args)
    finally:
        total += 1
print(total)

# Deleting the getset attributes (CPython's setters refuse NULL).
for n, note in [("args", 1), ("__traceback__", 1), ("__context__", 1), ("__cause__", 1),
                ("__suppress_context__", 1), ("__notes__", 1), ("__notes__", 0)]:
    e = KeyError(1)
    if note:
        e.add_note("x")
    try:
        delattr(e, n)
        print(n, "deleted", getattr(e, n, "<missing>"))
    except Exception as err:
        print(n, type(err).__name__, err)

# `except` matching: the exact class, a base, a tuple, and invalid operands.
for exc in [Invalid(1), KeyError(2), Two(1, 2)]:
    for t in [Invalid, Exception, (KeyError, Invalid), KeyError, int, (int, KeyError)]:
        try:
            try:
                raise exc
            except t:
                print(type(exc).__name__, t, "caught")
        except Exception as err:
            print(type(exc).__name__, t, type(err).__name__, err)
