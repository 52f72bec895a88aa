# Calling exception classes: BaseException.__new__ stores the arguments and __init__
# stores them again; a class may override either, and keywords reach __init__.
class Invalid(Exception):
    pass


e = Invalid(1, "two")
print(type(e).__name__, e.args, str(e), repr(e))
print(Invalid().args, Invalid(None).args, str(Invalid("x")))

for make in [lambda: ImportError("m"), lambda: ImportError("a", "b"),
             lambda: ImportError("m", name="mod", path="/p"), lambda: ModuleNotFoundError("nf"),
             lambda: NameError("n", name="nm"), lambda: AttributeError("a", name="x", obj=3)]:
    x = make()
    print(type(x).__name__, x.args, getattr(x, "msg", "-"), getattr(x, "name", "-"),
          getattr(x, "path", "-"), getattr(x, "obj", "-"))

for bad in [lambda: Invalid(x=1), lambda: KeyError("k", foo=2), lambda: ImportError(bogus=1)]:
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)


class WithInit(Exception):
    def __init__(self, a, b=2):
        super().__init__(a + b)
        self.extra = (a, b)


w = WithInit(1, b=5)
print(w.args, w.extra)


class WithNew(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.seen = args
        return self


n = WithNew(7, 8)
print(n.args, n.seen)


class InitNoSuper(Exception):
    def __init__(self, v):
        self.v = v


i = InitNoSuper(3)
print(i.args, i.v)

o = OSError(2, "No such file")
print(type(o).__name__, o.errno, o.strerror, o.args)
print(KeyError("k").args, repr(KeyError()), StopIteration(5).value)
try:
    raise Invalid(42)
except Invalid as caught:
    print("caught", caught.args[0])


class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", a, k)
        return super().__call__(*a, **k)


class MExc(Exception, metaclass=Meta):
    pass


print(MExc("z").args)
