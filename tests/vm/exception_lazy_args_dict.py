# An exception made with one argument keeps it without a tuple until `args` is read, and
# an instance of a Python exception class has no __dict__ until one is stored or asked for
# (CPython's BaseException makes its dict lazily): what must read the same either way.
import copy


class Invalid(Exception):
    pass


class WithInit(Exception):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b


class WithNew(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.made = True
        return self


class Method(Exception):
    def tag(self):
        return "class"


# args: made once, the same tuple every time, whatever reads it first.
e = Invalid(5)
print(e.args is e.args, e.args, str(e), repr(e))
e = Invalid(5)
print(str(e), repr(e), e.args, e.args is e.args)
e = Invalid((1, 2))
print(e.args, len(e.args), str(e), repr(e))
e = Invalid(None)
print(e.args, str(e))
try:
    {}["k"]
except KeyError as k:
    print(k.args, str(k), repr(k), k.args is k.args, k.args[0])
try:
    {}[(1, 2)]
except KeyError as k:
    print(k.args, str(k), repr(k))
try:
    raise Invalid([3])
except Invalid as i:
    i.args[0].append(4)
    print(i.args, i.args is i.args)
e = Invalid(1)
e.args = [7, 8]
print(e.args, str(e))
e = Invalid(1)
e.__init__(9)
print(e.args, e.args is e.args)
e = Invalid(1)
e.__init__()
print(e.args)
print(Invalid(1).__reduce__(), Invalid().__reduce__(), Invalid(1, 2).__reduce__())
print(ValueError("m").args, ImportError("m").msg, ImportError("m").args)
print(StopIteration(3).value, SystemExit(4).code, StopIteration().value)
print(OSError(2, "x").errno, OSError(2, "x", "f").args, OSError("just").args)
print(UnicodeError("u").args, KeyError(1) == KeyError(1))

# The instance dict: absent until a store or a read of __dict__.
e = Invalid(1)
print(e.__reduce__())
print(e.__dict__, vars(e), e.__reduce__())
e = Invalid(1)
e.x = 1
print(e.x, e.__dict__, vars(e), e.__reduce__())
e = Invalid(1)
try:
    e.missing
except AttributeError as a:
    print("AttributeError:", a)
try:
    del e.missing
except AttributeError as a:
    print("AttributeError:", a)
print(e.__reduce__())
e = Invalid(1)
e.__dict__ = {"a": 5}
print(e.a, e.__dict__, e.__reduce__())
e.b = 6
print(sorted(e.__dict__.items()))
d = e.__dict__
e.__dict__ = {}
print(d, e.__dict__, hasattr(e, "a"))
e = Invalid(1)
e.__dict__["direct"] = 3
print(e.direct)
e = WithInit(1)
print(e.args, e.b, e.__dict__, e.__reduce__())
e = WithNew(1, 2)
print(e.args, e.made, e.__dict__)
e = Method(1)
print(e.tag())
e.tag = lambda: "instance"
print(e.tag(), sorted(vars(e)))
e = Invalid("v")
e.__setstate__({"s": 1})
print(e.s, e.__dict__)
e = Invalid("w")
object.__setattr__(e, "o", 2)
print(e.o, getattr(e, "o"), "o" in dir(e), "zz" in dir(e))

# copy goes through __reduce__: the state is the dict when there is one.
for x in (Invalid(1), WithInit(1, 5), KeyError("k")):
    c = copy.copy(x)
    print(type(c).__name__, c.args, c.__dict__)
x = Invalid(1)
x.extra = [1]
c = copy.deepcopy(x)
print(c.args, c.extra, c.extra is x.extra)

# Builtin exceptions keep their own lazy dict.
k = KeyError(1)
print(k.__reduce__())
k.__dict__
print(k.__reduce__())
k.z = 1
print(k.z, k.__dict__, k.__reduce__())

# __class__ assignment between exception classes with and without a dict made.
class Other(Exception):
    pass


e = Invalid(1)
e.__class__ = Other
print(type(e).__name__, e.args)
e.q = 1
e.__class__ = Invalid
print(type(e).__name__, e.q, e.__dict__)


# Caught exceptions: attributes set in the handler, exceptions re-raised with them.
def f(i):
    raise Invalid(i)


total = 0
for i in range(5):
    try:
        f(i)
    except Invalid as err:
        total += err.args[0]
        if i == 3:
            err.seen = i
            try:
                raise err
            except Invalid as again:
                print(again.seen, again.args, again is err)
print(total)


# `e.args` read by LOAD_ATTR: overrides in the class, __getattribute__, OSError's view.
class ArgsProp(Exception):
    @property
    def args(self):
        return ("prop",)


class Seen(Exception):
    def __getattribute__(self, name):
        if name == "args":
            return ("seen",)
        return super().__getattribute__(name)


for cls in (ArgsProp, Seen, Invalid):
    try:
        raise cls(1)
    except Exception as err:
        print(cls.__name__, err.args)
try:
    raise OSError(2, "no such", "f.txt")
except OSError as err:
    print(err.args, err.filename)
Invalid.args = property(lambda self: ("patched",))
try:
    raise Invalid(1)
except Invalid as err:
    print(err.args)
del Invalid.args
try:
    raise Invalid(1)
except Invalid as err:
    print(err.args)
