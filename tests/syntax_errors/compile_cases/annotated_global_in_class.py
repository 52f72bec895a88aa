class A:
    global x
    x: int
