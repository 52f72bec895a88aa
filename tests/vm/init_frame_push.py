# A class call from the loop runs a Python `__init__` as a pushed frame (call.rs
# push_init_frame): results, errors, tracebacks, non-None returns, skipped `__init__`,
# metaclass `__call__`, keywords, defaults, recursion and frame introspection.
import sys


def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


class P:
    def __init__(self, x, y=2, *, z=3):
        self.s = x + y + z


print(P(1).s, P(1, 5).s, P(1, z=10).s, P(x=4, y=1).s, P(*[1, 1]).s, P(**{"x": 0}).s)


class Q:
    def __init__(self):
        self.v = 1


print(Q().v, [Q().v for _ in range(3)])
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {"w": 2}), ((1,), {"x": 1})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print("TypeError", e)


class R:
    def __init__(self, v):
        return v


print(type(R(None)).__name__)
for v in (1, "s", [], 0.5, R):
    try:
        R(v)
    except TypeError as e:
        print("TypeError", e)


class Boom:
    def __init__(self, n):
        self.n = n
        if n:
            raise ValueError(f"bad {n}")


def make(n):
    return Boom(n)


try:
    make(3)
except ValueError as e:
    print(walk(e.__traceback__))
try:
    R(5)
except TypeError as e:
    print(walk(e.__traceback__))


class Other:
    pass


class NewOther:
    def __new__(cls, *a):
        return Other()

    def __init__(self, *a):
        print("not called")


print(type(NewOther(1)).__name__)


class NewSelf:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)

    def __init__(self, *a):
        print("init", a)


NewSelf(1, 2)


class Meta(type):
    def __call__(cls, *a, **k):
        print("meta call", a, k)
        return super().__call__(*a, **k)


class WithMeta(metaclass=Meta):
    def __init__(self, a, b=0):
        print("init", a, b)


WithMeta(1, b=2)


class Base:
    def __init__(self, v):
        self.v = v
        self.caller = sys._getframe(1).f_code.co_name


class Sub(Base):
    pass


def f():
    return Sub(7)


s = f()
print(s.v, s.caller)


class Nest:
    def __init__(self, d):
        self.child = Nest(d - 1) if d else None


def depth(o):
    n = 0
    while o.child:
        o = o.child
        n += 1
    return n


print(depth(Nest(100)))
try:
    Nest(100000)
except RecursionError:
    print("RecursionError")


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError", e)


class Handled:
    def __init__(self, v):
        try:
            raise KeyError(v)
        except KeyError:
            self.v = v


print([Handled(i).v for i in range(3)])


class Slots:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


print(Slots(4).a)


class Lst(list):
    def __init__(self, *a):
        super().__init__(a)


print(Lst(1, 2))


class Del:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


Del(1)
x = Del(2)
del x
try:
    Boom(1)
except ValueError as e:
    print(e)


class Uncaught:
    def __init__(self):
        raise RuntimeError("from init")


def outer():
    Uncaught()


outer()
