def gen():
    yield 1
g = gen()
print(g.__name__, g.__qualname__, type(g).__name__, g.gi_running, g.gi_frame is not None, g.gi_code.co_name)
print(next(g))
print(list(g), g.gi_frame)
def selfref():
    yield me.gi_running
me = selfref()
print(next(me))
def reenter():
    yield next(r)
r = reenter()
try: next(r)
except ValueError as e: print(e)
def ret():
    yield 1
    return "val"
it = ret(); next(it)
try: next(it)
except StopIteration as e: print("value", e.value, e.args)
def stopper():
    raise StopIteration
    yield
try: next(stopper())
except RuntimeError as e: print(e, type(e.__cause__).__name__)
