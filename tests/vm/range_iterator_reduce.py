# range_iterator.__reduce__/__setstate__ as 3.11's: (iter, (range(start, start + len*step, step),),
# index), the index clipped to the range, counted from the first item (so copy.copy of a
# partly consumed range iterator works; reversed(range) too).
import copy

it = iter(range(5)); next(it); print(it.__reduce__())
c = copy.copy(it); print(list(c), list(it))
it3 = iter(range(0, 10, 3)); next(it3); print(it3.__reduce__())
it3.__setstate__(-5); print(it3.__reduce__(), list(it3))
r = reversed(range(0, 10, 3)); next(r); print(r.__reduce__(), type(r).__name__)
e = iter(range(3)); list(e); print(e.__reduce__())
e.__setstate__(1); print(list(e))
it = iter(range(5)); it.__setstate__(100); print(it.__reduce__(), list(it))
try:
    iter(range(5)).__setstate__('a')
except TypeError as x:
    print(x)
print(iter(range(5)).__length_hint__(), iter(range(10, 0)).__reduce__())
d = iter(range(2**62, 2**63 - 1, 2**61)); print(d.__reduce__(), list(d))
f, a, st = iter(range(3, 9, 2)).__reduce__(); p = f(*a); p.__setstate__(st)
print(list(p))
for x in (it4 := iter(range(4))):
    if x == 1:
        print(copy.copy(it4).__reduce__())
