class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise MyError(42, "boom")
except Exception as e:
    print(e, repr(e), e.code, e.args, isinstance(e, MyError))
class Plain(ValueError):
    pass
try:
    raise Plain("p")
except ValueError as e:
    print(type(e).__name__, e, Plain.__mro__[1].__name__)
e = MyError(1, "m")
e.extra = "attr"
print(e.extra, vars(e))
