# Objects whose `__class__` was assigned, mixed with ordinary instances at the same
# cached instructions: the inlined hits serve only never-assigned objects (the type is read
# without the assigned reference), the others take the slow paths, which must see the
# current class. Every hit shape: LOAD_FAST + LOAD_ATTR/LOAD_METHOD/STORE_ATTR, LOAD_ATTR
# and LOAD_METHOD on the stack, COPY 1 + LOAD_ATTR and SWAP 2 + STORE_ATTR.


class A:
    tag = "A"

    def __init__(self, n):
        self.n = n

    def who(self):
        return "A" + str(self.n)


class B:
    tag = "B"

    def __init__(self, n):
        self.n = n

    def who(self):
        return "B" + str(self.n)

    @property
    def double(self):
        return self.n * 2


def read(o):
    return o.n, o.tag


def read_stack(os_, i):
    return os_[i].n, os_[i].tag, os_[i].who()


def call(o):
    return o.who()


def write(o, v):
    o.n = v


def bump(o):
    o.n += 1


def run(objs):
    out = []
    for o in objs:
        write(o, o.n)
        bump(o)
        out.append((read(o), call(o), read_stack([o], 0)))
    return out


a1, a2, b1 = A(1), A(2), B(3)
for _ in range(3):
    run([a1, a2, b1])
x = A(10)
x.__class__ = B
print(run([a1, x, a2, b1, x]))
print(x.double, type(x).__name__, vars(x))
x.__class__ = A  # assigned back to the class it was made with
print(run([x, a1, x, b1]))
y = B(20)
y.__class__ = A
print(run([y, b1, y, a2]), type(y).__name__)

# The class of an assigned object changes after the assignment (a version bump the slow
# path must see).
B.who = lambda self: "new B.who " + str(self.n)
x.__class__ = B
print(run([b1, x, a1]))
del B.who
try:
    print(run([x]))
except AttributeError as e:
    print("AttributeError", e)
