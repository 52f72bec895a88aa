# LOAD_ATTR and LOAD_METHOD cache hits replace the object in its stack slot: the object
# may die right there (its __del__ runs after the load), and every edge of the instance
# dict (deleted, re-added, shadowing a method, mutated through __dict__, __class__ assigned,
# many attributes, non-str keys) takes the right answer through the same instruction.


class Dying:
    def __init__(self, tag):
        self.tag = tag
        self.val = tag * 2

    def get(self):
        return self.val

    def __del__(self):
        print("del", self.tag)


def loads():
    for i in range(3):
        print("val", Dying(i).val)
        print("get", Dying(10 + i).get())


loads()


class P:
    k = "class-k"

    def __init__(self, x):
        self.x = x

    def m(self):
        return "method"


def read_x(objs):
    out = []
    for o in objs:
        out.append(o.x)
    return out


def read_k(objs):
    return [o.k for o in objs]


def call_m(objs):
    return [o.m() for o in objs]


a, b, c = P(1), P(2), P(3)
print(read_x([a, b, c]) * 1)
del b.x
try:
    read_x([a, b, c])
except AttributeError as e:
    print("AttributeError", e)
b.x = "again"
print(read_x([a, b, c]))
b.__dict__["x"] = "via dict"
print(read_x([a, b, c]))
# attributes added in another order: hints differ between instances
d = P.__new__(P)
d.y = 0
d.z = 1
d.x = "late"
print(read_x([a, d, c, d, a]))
# a class attribute, then shadowed by an instance attribute
print(read_k([a, c]))
c.k = "inst-k"
print(read_k([a, c, a]))
del c.k
print(read_k([a, c]))
# a method, then shadowed in one instance's dict
print(call_m([a, c]))
c.m = lambda: "shadow"
print(call_m([a, c, a]))
del c.m
print(call_m([a, c]))
# __dict__ mutated directly (the instance dict itself: hits see it)
c.__dict__.update({"x": "new dict", "m": lambda: "dict m"})
print(read_x([a, c]), call_m([a, c]), vars(c) is c.__dict__)
c.__dict__.clear()
c.x = "after clear"
print(read_x([a, c]), call_m([a, c]))
# a non-str key next to the attributes
a.__dict__[5] = "five"
print(read_x([a, c]), sorted(k for k in vars(a) if isinstance(k, str)))


class Q:
    def __init__(self, x):
        self.x = x

    def m(self):
        return "Q.m"


# __class__ assignment between hits of the same instruction
q = Q("qx")
objs = [a, q, a]
print(read_x(objs), call_m([a, q]))
q.__class__ = P
print(read_x([q, a]), call_m([q, a]))
q.__class__ = Q
print(call_m([q, a]))

# many attributes
class Many:
    pass


ms = [Many() for _ in range(3)]
for j, o in enumerate(ms):
    for i in range(40):
        setattr(o, "a%d" % ((i * 7 + j) % 40), i)


def read_many(o):
    return o.a0 + o.a13 + o.a39


print([read_many(o) for o in ms])
for o in ms:
    del o.a13
    o.a13 = 100
print([read_many(o) for o in ms], list(vars(ms[0]))[:5], list(vars(ms[0]))[-3:])

# a method loaded from a temporary that dies in the call
print(Dying(99).get())
print("end")
