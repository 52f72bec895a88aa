for *x in items:
    pass
