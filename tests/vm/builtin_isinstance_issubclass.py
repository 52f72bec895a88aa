print(isinstance(True, int), isinstance(1, bool), isinstance(1, (str, (int, float))), isinstance([], object))
print(issubclass(bool, int), issubclass(int, int), issubclass(int, (str, object)), issubclass(type, object), issubclass(object, type))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), issubclass(A, B), isinstance(A, type))
print(isinstance(KeyError(), LookupError), issubclass(FileNotFoundError, OSError))
try: issubclass(B(), A)
except TypeError as e: print(e)
try: isinstance(1, (int, 3))
except TypeError as e: print(e)
print(isinstance(1, int | str), issubclass(bool, int | None))
