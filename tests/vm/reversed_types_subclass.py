# reversed(list) is a list_reverseiterator (list.__reversed__), also for a list subclass and
# for reversed's subclasses; other sequences give a reversed object of the class called,
# which can be subclassed (super().__next__() reads the payload).
import copy
r = reversed([1, 2, 3]); next(r); print(type(r).__name__, r.__reduce__(), r.__length_hint__())
r.__setstate__(2); print(list(r))
print(sorted(set(dir(reversed([1]))) - set(dir(object))))
print(sorted(set(dir(reversed((1,)))) - set(dir(object))))
print(type(reversed((1,))).__name__, type(reversed("ab")).__name__, list(copy.copy(reversed([4, 5]))))
class R(reversed):
    def __next__(self):
        return super().__next__() * 2
print(type(R([1, 2])).__name__, type(R((1, 2))).__name__, list(R((1, 2))))
x = R("ab"); x.tag = 1; print(x.tag, isinstance(x, reversed))
class L(list):
    pass
print(type(reversed(L([1, 2]))).__name__, list(reversed(L([1, 2]))))
try:
    class Bad(reversed, zip):
        pass
except TypeError as e:
    print("TypeError", e)
