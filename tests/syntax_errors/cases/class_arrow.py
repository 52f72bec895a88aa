class A -> B:
    pass
