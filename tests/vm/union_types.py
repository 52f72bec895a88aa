u = int | str
print(u, type(u).__name__, u.__args__, int | None, None | int, int | int, list[int] | None)
print(isinstance(1, int | str), isinstance(1.5, int | str), isinstance(None, int | None), issubclass(bool, int | str))
print((int | str) | float, int | (str | float), (int | str).__args__)
class A: pass
print(A | None, isinstance(A(), A | int))
try: int | 5
except TypeError as e: print(e)
def f(x: int | None = None) -> str | None: return None
print(f.__annotations__)
