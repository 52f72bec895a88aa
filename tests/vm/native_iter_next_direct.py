# next() of native module iterators calls their Rust __next__ directly (iter.rs): results,
# exhaustion, subclasses overriding __next__, a foreign descriptor as __next__, errors.
import collections
import itertools

print(list(itertools.islice(itertools.count(5, 2), 4)))
print(list(zip(range(3), itertools.repeat("r"))), list(itertools.chain([1], (2, 3))))
d = collections.deque([1, 2, 3])
it = iter(d)
print(next(it), list(it), next(it, "done"))
d2 = collections.deque([1, 2])
it2 = iter(d2)
next(it2)
d2.append(3)
try:
    next(it2)
except RuntimeError as e:
    print("RuntimeError", e)
c = itertools.cycle("ab")
print([next(c) for _ in range(5)])
print(sum(itertools.accumulate(range(10))), list(itertools.permutations([1, 2, 3], 2))[:3])


class Count(itertools.count):
    def __next__(self):
        return super().__next__() * 10


print([next(Count()) for _ in range(2)], list(itertools.islice(Count(1), 3)))


class Stop(itertools.count):
    def __next__(self):
        raise StopIteration


print(list(Stop()))


class Foreign:
    __next__ = list.pop

    def __iter__(self):
        return self


try:
    next(Foreign())
except TypeError as e:
    print("TypeError", e)
g = itertools.groupby("aabbbc")
print([(k, len(list(v))) for k, v in g])


def bad():
    yield 1
    raise ValueError("inner")


try:
    list(itertools.islice(bad(), 5))
except ValueError as e:
    print("ValueError", e)
print(next(itertools.starmap(pow, [(2, 5)])), list(itertools.takewhile(lambda x: x < 3, itertools.count())))
