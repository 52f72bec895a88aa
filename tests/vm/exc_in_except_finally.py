def f():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
try:
    f()
except TypeError as e:
    print(repr(e), repr(e.__context__))
def g():
    try:
        return 1 / 0
    finally:
        print("cleanup in g")
try:
    g()
except ZeroDivisionError as e:
    print("caught", e)
try:
    try:
        raise KeyError("x")
    finally:
        print("inner finally")
except KeyError:
    print("outer caught")
import sys
try:
    raise ValueError("v")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())
