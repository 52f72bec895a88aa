if a in not b:
    pass
