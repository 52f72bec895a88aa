def f():
    if x:
        g(x) = 1
