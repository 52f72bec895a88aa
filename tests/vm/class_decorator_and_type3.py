def add_hello(cls):
    cls.hello = lambda self: f"hello from {type(self).__name__}"
    return cls
@add_hello
class A: pass
print(A().hello())
B = type("B", (A,), {"x": 1, "m": lambda self: self.x * 2})
print(B.__name__, B.__bases__, B().m(), B().hello(), B.__mro__)
try: type("C", (object(),), {})
except TypeError as e: print(e)
try: type("D", (), [])
except TypeError as e: print(e)
print(type(1), type("x") is str, type(type), type.__name__)
