print(True + True, True * 10, isinstance(True, int), int(True), True == 1, hash(True), str(True), repr(False))
print(True & False, True | False, True ^ True, ~True, -True, True << 3, sum([True, True, False]))
print(type(True + 1).__name__, type(True & True).__name__, bool("False"), bool(0.0), [False] * 2)
class MyInt(int):
    def double(self):
        return self * 2
m = MyInt(21)
print(m, m.double(), type(m).__name__, type(m + 1).__name__, isinstance(m, int), m == 21, repr(m))
class S(str):
    def shout(self):
        return self.upper() + "!"
print(S("hi").shout(), S("a") + "b", type(S("a") + "b").__name__, len(S("xyz")))
