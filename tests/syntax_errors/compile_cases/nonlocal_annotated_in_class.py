def f():
    x = 1
    class C:
        nonlocal x
        x: int
