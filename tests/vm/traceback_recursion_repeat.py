def rec(n):
    if n == 0:
        raise ValueError("bottom")
    return rec(n - 1)
rec(30)
