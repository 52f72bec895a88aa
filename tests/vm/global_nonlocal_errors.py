def f():
    print(undefined_name)
try:
    f()
except NameError as e:
    print(e)
def g():
    x = x + 1 if False else None
    y += 1
try:
    g()
except UnboundLocalError as e:
    print(e)
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
try:
    del never_defined
except NameError as e:
    print(e)
