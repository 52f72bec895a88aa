# itertools argument errors (Argument Clinic messages), subclassing a native iterator, laziness.
import itertools as it
from itertools import *
def show(x, n=20):
    try:
        print(list(islice(x, n)))
    except Exception as e:
        print(type(e).__name__, e)
tests = ['it.count(1,2,3)', 'it.count(x=1)', 'it.count("a")', 'it.combinations()', 'it.combinations([1])', 'it.combinations([1],r=1,z=2)','it.combinations([1],1,2)', 'it.islice()', 'it.islice([1],1,2,3,4)','it.islice([1],x=1)','it.repeat()','it.chain(a=1)','it.accumulate([1],None,None)','it.permutations()','it.tee()','it.tee([],-1)','it.cycle()','it.pairwise()','it.starmap(1)', 'it.product(x=1)','it.zip_longest(x=1)', 'it.groupby()', 'it.compress([])','it.dropwhile(1)', 'it.islice([],-1)','it.islice([],"a")', 'it.islice([],1,2,0)','it.islice([],-1,2)', 'it.chain.from_iterable()', 'list(it.starmap(len,[1]))', 'it.islice(1,2)', 'list(it.chain(1))', 'it.product([1],repeat=-1)','it.permutations([1],-1)','it.combinations([1],-1)','it.permutations([1],r="a")','it.product([1],repeat="a")', 'it.combinations([1],2**70)', 'it.islice([1],2**70)', 'it.repeat(1, "a")', 'it.accumulate(iterable=[1])']
for t in tests:
    try: r = eval(t); print(t, 'OK')
    except Exception as e: print(t, type(e).__name__, e)
print(type(count()).__name__, count.__module__, type(count()) is count, isinstance(chain(), chain))
class MyCount(count):
    def __next__(self): return super().__next__() * 10
print(list(islice(MyCount(1), 3)))
def gen():
    yield 1; yield 2
c = chain(gen(), gen()); print(next(c), list(c), list(c))
it0 = iter([1,2,3]); s = islice(it0, 1); print(list(s), list(it0))
print(chain[int])

