# isinstance/issubclass: tuples nested past the recursion limit raise RecursionError (CPython's
# ' in __instancecheck__' guard), unions are checked as tuples, aliases are refused.
import sys
t = int
for i in range(2000): t = (t,)
for f, a in ((isinstance, 1), (issubclass, bool)):
    try: print(f(a, t))
    except RecursionError as e: print(type(e).__name__, e)
t = int
for i in range(100): t = (t,)
print(isinstance(1, t), issubclass(bool, t), isinstance("", t))
class M(type):
    def __instancecheck__(cls, inst): return isinstance(inst, cls)
    def __subclasscheck__(cls, sub): return issubclass(sub, cls)
class C(metaclass=M): pass
for f, a in ((isinstance, 1), (issubclass, bool)):
    try: print(f(a, C))
    except RecursionError as e: print(type(e).__name__)  # the text depends on frame parity
print(isinstance(C(), C))
try: issubclass(list, list[int])
except TypeError as e: print(e)
try: issubclass(list, (int, list[int]))
except TypeError as e: print(e)
print(issubclass(list, (list, list[int])))
print(isinstance([], (list, list[int])))
print(isinstance(1, (str, (bytes, (int | None,)))), issubclass(bool, (str, int | None)))
try:
    issubclass(1, int | str)
except TypeError as e:
    print(e)
try:
    isinstance(1, (str, 3))
except TypeError as e:
    print(e)
try:
    isinstance(1, (str, list[int]))
except TypeError as e:
    print(e)
