# itertools product, permutations, combinations, combinations_with_replacement, edge sizes.
import itertools as it
from itertools import *
def show(x, n=20):
    try:
        print(list(islice(x, n)))
    except Exception as e:
        print(type(e).__name__, e)
print(list(product('ab', range(2))), list(product(range(2), repeat=2)), list(product()), list(product('ab', [])))
print(list(permutations(range(3))), list(permutations('abc', 2)), list(permutations([], 0)), list(permutations([1, 2], 3)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('a', 2)), list(combinations('ab', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 1)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))), len(list(product(range(3), repeat=5))))
# Sizes that must not loop or allocate forever.
print(list(product(repeat=2**62)))
try: product('a', repeat=2**62)
except OverflowError as e: print(e)
try: tee([], 2**60)
except MemoryError: print('MemoryError')
