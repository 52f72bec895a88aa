def a(x):
    return b(x) + 1
def b(x):
    return c(x)
def c(x):
    raise ValueError(f"bad {x}")
a(5)
