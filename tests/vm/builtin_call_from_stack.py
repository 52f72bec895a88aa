# CALL of builtin functions and methods straight from the value stack (no keywords):
# bound builtins, unbound method descriptors, wrong receivers, arity errors, and
# values whose last reference is the argument slot.

xs = []
xs.append(1)
app = xs.append
app(2)
list.append(xs, 3)
print(xs)

d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 7), dict.get(d, "a", 0))
g = d.get
print(g("a", 5), g("zz", 5))

for bad in [lambda: d.get(), lambda: d.get(1, 2, 3), lambda: len(), lambda: len(1, 2),
            lambda: xs.pop(1, 2), lambda: abs()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

print(len([1, 2, 3]), abs(-4), max(3, 9, 2), isinstance(xs, list))


class Dying:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


# The argument slot held the only reference: it dies when the call's arguments do.
print(id(Dying("t1")) > 0)
holder = []
holder.append(Dying("t2"))
holder.pop()
print("after pop")


class MyList(list):
    def append(self, x):
        print("MyList.append", x)
        super().append(x * 10)


m = MyList()
m.append(4)
list.append(m, 5)
print(m)

# A builtin called with keywords takes the general path.
print(sorted([3, 1, 2], reverse=True), int("ff", base=16))

# Exceptions raised inside a builtin leave the stack consistent.
def f(i):
    try:
        return {}.pop(i)
    except KeyError as e:
        return ("missing", e.args)


print([f(i) for i in range(3)])
print(sum([1, 2, 3]), "-".join(["a", "b"]), divmod(7, 2))

# Arity errors of list methods (the receiver is not counted).
for bad in [lambda: xs.append(), lambda: xs.append(1, 2), lambda: xs.extend(),
            lambda: xs.copy(1), lambda: xs.clear(1, 2), lambda: xs.insert(0),
            lambda: xs.insert(0, 1, 2), lambda: xs.index(), lambda: xs.index(1, 2, 3, 4),
            lambda: xs.count(), lambda: xs.remove(1, 2), lambda: xs.reverse(0),
            lambda: xs.append(x=1), lambda: xs.pop(i=0), lambda: xs.copy(a=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# Keywords: the named last arguments move off the stack with their names.
print("a", "b", sep="-", end="|\n")
print(sorted([3, 1, 2], key=lambda v: -v), sorted("bca", reverse=True), max([1, 5, 3], key=lambda v: -v))
print(int("101", base=2), int("z", 36), dict(a=1, b=2), dict([("c", 3)], d=4), str(b"hi", encoding="ascii"))
ys = [3, 1, 2]
ys.sort(reverse=True)
srt = ys.sort
srt(key=lambda v: v % 3)
print(ys, min(4, 2, 8, key=lambda v: v), sum([1, 2], start=5), round(2.675, ndigits=2))
for bad in [lambda: len(obj=1), lambda: [].append(x=1), lambda: sorted([1], bogus=1),
            lambda: int("1", base=1), lambda: {}.get("k", default=1), lambda: ys.sort(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in [lambda: {}.pop(1, x=2), lambda: {}.setdefault(1, x=2), lambda: dict.fromkeys([1], x=2),
            lambda: [].sort(1, bogus=2), lambda: [].sort(bogus=2, key=None)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
