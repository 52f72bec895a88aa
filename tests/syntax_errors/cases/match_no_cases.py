match p:
    pass
