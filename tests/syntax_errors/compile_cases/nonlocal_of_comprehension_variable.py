def f():
    [x for x in y]
    def g():
        nonlocal x
