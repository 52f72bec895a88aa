# Native module types: dotted tp_name in messages, bare __name__/__qualname__, module-qualified reprs.
from collections import deque, defaultdict
from itertools import count, chain
from functools import partial
import _thread, operator
for T in (deque, defaultdict, count, chain, partial, _thread.RLock, _thread.LockType, operator.itemgetter):
    print(T, T.__name__, T.__qualname__, T.__module__)
print(deque.append, defaultdict.__missing__)
tests = ['hash(deque())', 'count().x', 'deque() < 1', 'deque() + 1', 'type("X", (count,), {}).__name__',
         'deque.append(1, 2)', 'setattr(chain(), "y", 1)', 'len(count())', 'count()[0]']
for t in tests:
    try: print(t, eval(t))
    except Exception as e: print(t, type(e).__name__, e)
class MyDeque(deque): pass
print(MyDeque.__name__, MyDeque([1]), repr(MyDeque), type(MyDeque()).__qualname__)
