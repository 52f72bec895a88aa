class Errors(ExceptionGroup):
    def __new__(cls, msg, excs, code=0):
        self = super().__new__(cls, msg, excs)
        self.code = code
        return self
    def derive(self, excs):
        return Errors(self.message, excs, self.code)
e = Errors("msg", [ValueError(1), TypeError(2)], 7)
m, r = e.split(ValueError)
print(type(m).__name__, m.code, repr(m.exceptions), type(r).__name__, r.code)
eg = ExceptionGroup("plain", [ValueError(1), TypeError(2)])
eg.__notes__ = ["note"]
try:
    raise eg
except ExceptionGroup as caught:
    m, r = caught.split(TypeError)
    print(m.__notes__, m.__traceback__ is caught.__traceback__, r.__cause__, repr(r))
print(eg.subgroup(lambda x: isinstance(x, ExceptionGroup)) is eg)
print(eg.split(BaseException)[0] is eg)
try: eg.split(1)
except TypeError as x: print(x)
print(issubclass(ExceptionGroup, Exception), ExceptionGroup.__mro__)
try: Errors("m", [ValueError()], code=1)
except TypeError as x: print(x)
try: ValueError("x", y=1)
except TypeError as x: print(x)
