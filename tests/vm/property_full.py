class T:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        "the v"
        return self._v
    @v.setter
    def v(self, x):
        self._v = x * 2
    @v.deleter
    def v(self):
        print("deleting")
        self._v = None
t = T()
t.v = 5
print(t.v)
del t.v
print(t.v, T.v.__doc__, type(T.v).__name__)
class RO:
    @property
    def x(self):
        return 1
try:
    RO().x = 2
except AttributeError as e:
    print(e)
