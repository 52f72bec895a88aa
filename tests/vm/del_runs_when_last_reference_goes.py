# __del__ runs when the last reference goes: `del`, rebinding, a function's locals at
# return, an exception's references; containers release items in CPython's order (lists
# and tuples last item first); globals still alive at exit are finalized in insertion order.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = A(1)
b = A(2)
_c = A(3)
l = [A(4), A(5)]
x = A(6)
del x
print("after del")
x = A(7)
x = None
print("after rebind")


def f():
    y = A(8)
    print("in f")
    return 0


f()
print("after f")
t = (A(9), A(10), A(11))
del t
d = {"a": A(12), "b": A(13)}
del d
try:
    raise KeyError(A(14))
except KeyError:
    print("caught")
print("after except")
s = [A(15)]
s.pop()
print("after pop")
print("end")
