# staticmethod/classmethod objects as 3.10+ makes them: a __dict__ with the wrapped
# callable's __module__/__name__/__qualname__/__doc__/__annotations__ (functools_wraps),
# __wrapped__, attributes of their own; an empty __dict__ for those a class statement makes.
def f():
    'doc f'
sm = staticmethod(f); cm = classmethod(f)
for o in (sm, cm):
    print(o.__wrapped__ is f, o.__name__, o.__qualname__, o.__doc__, o.__module__, o.__dict__, o.__isabstractmethod__, o.__func__ is f)
    o.x = 1; print(o.x, o.__dict__)
print(staticmethod(len).__name__, staticmethod(len).__dict__)
print(sorted(set(dir(sm)) - set(dir(object))))
class S(staticmethod): pass
s = S(len); print(s.__dict__, type(s).__name__)
class C:
    def __new__(cls): pass
    def __init_subclass__(cls): pass
    @staticmethod
    def g(a: int) -> str: "g doc"
    @classmethod
    def h(cls): return cls.__name__
print(C.__dict__['g'].__dict__, C.g.__name__, C.h(), C().h() if False else C.h.__name__)
print(C.__dict__['__new__'].__dict__, C.__dict__['__init_subclass__'].__dict__)
n = C.__dict__['__new__']
try:
    n.y = 2
    print(n.y, n.__dict__)
except AttributeError as e:
    print("AttributeError", e)
class D:
    def __new__(cls): pass
n2 = D.__dict__['__new__']
try:
    n2.z = 3
    print(n2.z)
except AttributeError as e:
    print("AttributeError", e)
