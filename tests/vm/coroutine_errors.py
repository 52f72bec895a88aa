async def f(): return 1
c = f()
try: iter(c)
except TypeError as e: print(e)
try: next(c)
except TypeError as e: print(e)
c.close()
class NotAw: pass
async def g():
    await NotAw()
try: g().send(None)
except TypeError as e: print(e)
class BadAw:
    def __await__(self): return 5
async def h(): await BadAw()
try: h().send(None)
except TypeError as e: print(e)
import sys
print(sys.getrecursionlimit() > 0)
