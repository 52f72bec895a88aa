print(abs(-3), abs(3.5), abs(-0.0), abs(-2**70), abs(3+4j), abs(True))
class A:
    def __abs__(self): return "abs!"
print(abs(A()))
try: abs("x")
except TypeError as e: print(e)
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, "", None]), any(x > 2 for x in range(5)))
def gen():
    yield 1; print("second"); yield 0; print("never")
print(all(gen()))
try: all(5)
except TypeError as e: print(e)
