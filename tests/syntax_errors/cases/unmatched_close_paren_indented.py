def f():
    return g(x))
