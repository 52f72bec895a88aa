if a:
    pass
elif a.b = 2:
    pass
