f(x for x in y, key=1)
