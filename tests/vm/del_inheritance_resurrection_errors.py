# __del__: inherited, assigned to the class later, run once even when the object is
# resurrected (PEP 442), and an exception in it is reported as "Exception ignored in"
# on stderr and otherwise ignored.
class A:
    def __del__(self):
        print("del", type(self).__name__)


class B(A):
    pass


b = B()
del b


class C:
    pass


def late_del(self):
    print("late del", self.x)


C.__del__ = late_del
c = C()
c.x = 1
c = None


class R:
    saved = []

    def __del__(self):
        print("resurrected once")
        R.saved.append(self)


r = R()
del r
print(len(R.saved))
R.saved.clear()
print("cleared, no second __del__")


class E:
    def __del__(self):
        raise ValueError("boom in __del__")


e = E()
del e
print("after E")


class Chain:
    def __init__(self, n, nxt):
        self.n, self.nxt = n, nxt

    def __del__(self):
        print("chain", self.n)


head = Chain(1, Chain(2, Chain(3, None)))
head = None
print("end")
