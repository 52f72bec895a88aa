def f() - > int:
    pass
