# beta: a module loaded from a spec made by hand.
def TWICE(x):
    return 2 * x
