def f(a, b):
    return a + b
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, b=2, c=3), lambda: f(1, a=2), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def k(*, x):
    pass
try:
    k()
except TypeError as e:
    print(e)
def p(a, /):
    pass
try:
    p(a=1)
except TypeError as e:
    print(e)
