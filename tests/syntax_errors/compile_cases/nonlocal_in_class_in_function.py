def f():
    class C:
        nonlocal y
