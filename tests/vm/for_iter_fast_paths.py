# FOR_ITER's direct paths (range, exact list, exact generator) against the general
# iterator protocol: lists mutated while iterated, an exhausted list iterator stays
# exhausted when the list grows, list subclasses with their own __iter__, generator
# subclasses do not exist but generator-like classes do, and ranges with odd steps.
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x < 6:
        l.append(x + 3)
print(out, l)

l = [1, 2, 3, 4, 5]
for x in l:
    if x == 2:
        del l[0]
    print(x, end=" ")
print()

it = iter([1, 2])
lst = []
for x in it:
    lst.append(x)
print(lst, list(it))
l2 = [1]
it2 = iter(l2)
for x in it2:
    pass
l2.append(2)
print(list(it2))


class MyList(list):
    def __iter__(self):
        yield "custom"


for x in MyList([1, 2]):
    print(x)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print([x for x in Countdown(3)])


def gen():
    yield 1
    yield 2
    return 3


g = gen()
for x in g:
    print("gen", x)
for x in g:
    print("never")
print(next(g, "done"))


def bad():
    yield 1
    raise StopIteration


try:
    for x in bad():
        print("bad", x)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

print(list(range(10, 0, -3)), list(range(0)), list(range(5, 5)), sum(range(-5, 5, 2)))
big = 2**62
print([x - big for x in range(big, big + 3)])
