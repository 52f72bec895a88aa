def g():
    try:
        x = yield 1
        print("got", x)
        y = yield x * 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "after throw"
    finally:
        print("cleanup")
it = g()
print(next(it), it.send(5))
print(it.throw(ValueError("boom")))
it.close()
it2 = g()
try: it2.send(1)
except TypeError as e: print(e)
print(next(it2))
it2.close()
it2.close()
def h():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
x = h(); next(x)
try: x.close()
except RuntimeError as e: print(e)
def k(): yield 1
y = k()
try: y.throw(KeyError, "kk")
except KeyError as e: print(repr(e))
print(list(y))
