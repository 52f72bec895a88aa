# `x in list` / `x in tuple` without copying the container (an __eq__ that mutates the
# list), and sequence indexes: machine ints, bools, __index__, and the error messages.
class Eq:
    def __init__(self, target, victim):
        self.target, self.victim = target, victim

    def __eq__(self, other):
        print("eq", other)
        if self.victim:
            self.victim.pop()
        return other == self.target


xs = [1, 2, 3, 4, 5]
print(Eq(5, xs) in xs, xs)
ys = [1, 2, 3]
print(Eq(9, ys) in ys, ys)
nan = float("nan")
print(nan in [nan], nan in (nan,), 3 in (1, 2, 3), "a" in ("b",), [] in [[]], 2.0 in [1, 2])
print(1 in [], None in [None])


class Idx:
    def __index__(self):
        return 1


t = (10, 20, 30)
s = "xyz"
lst = [7, 8, 9]
print(t[Idx()], t[True], t[-1], s[Idx()], s[False], lst[Idx()])
lst[Idx()] = 80
lst[True] = 81
lst[-1] = 90
print(lst)
for bad in [lambda: t[1.0], lambda: s["a"], lambda: lst.__setitem__(1.5, 0),
            lambda: t[5], lambda: s[-4], lambda: lst.__setitem__(3, 0), lambda: t[2**70],
            lambda: b"ab"[None], lambda: bytearray(b"ab")[2.0]]:
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
