class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
try:
    raise E("bad", 3)
except E as e:
    print(e, repr(e), e.args, e.code)
class F(ValueError): pass
try:
    raise F
except ValueError as e:
    print(type(e).__name__, repr(e), str(e) == "")
class G(Exception):
    def __str__(self): return "custom str"
print(str(G(1)), repr(G(1)))
class H(KeyError): pass
print(str(H("k")), repr(H("k")))
class NoInit(Exception):
    def __init__(self): pass
n = NoInit()
print(n.args, repr(n))
class WithNew(Exception):
    def __new__(cls, *a):
        self = super().__new__(cls, *a)
        self.extra = "x"
        return self
print(WithNew(1, 2).args, WithNew().extra)
