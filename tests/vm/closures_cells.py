def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c.__closure__[0].cell_contents, c.__code__.co_freevars)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
