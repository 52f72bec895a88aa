def f(*(a)):
    pass
