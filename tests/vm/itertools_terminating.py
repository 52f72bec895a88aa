# itertools accumulate, chain, compress, dropwhile/takewhile, filterfalse, islice, pairwise, starmap, zip_longest.
import itertools as it
from itertools import *
def show(x, n=20):
    try:
        print(list(islice(x, n)))
    except Exception as e:
        print(type(e).__name__, e)
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3], initial=10)), list(accumulate([], initial=5)), list(accumulate([3,1,4,1,5], max)))
print(list(accumulate('abc')))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('ABCDEF', [1,0,1,0,1,1])))
print(list(dropwhile(lambda x: x<5, [1,4,6,4,1])), list(takewhile(lambda x: x<5, [1,4,6,4,1])))
print(list(filterfalse(lambda x: x%2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(islice(range(100), 1, 50, 7)), list(islice([], 3)))
print(list(pairwise('ABCDEFG')), list(pairwise('A')), list(pairwise('')))
print(list(starmap(pow, [(2,5), (3,2), (10,3)])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest('ab')))
# Mutating the source during iteration, and iterators exhausted for good.
lst = [1, 2, 3]
c = chain(lst)
for x in c:
    if x == 1:
        lst.append(4)
    print(x, end=' ')
print()
z = zip_longest([1], [2, 3])
print(list(z), list(z))
acc = accumulate([1, 2, 3], lambda a, b: a * 10 + b)
print(list(acc))
print(list(islice(count(), 0, 10, 3)), list(islice(cycle('ab'), 5)))
try:
    list(starmap(lambda *a: 1 / 0, [(1,)]))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
