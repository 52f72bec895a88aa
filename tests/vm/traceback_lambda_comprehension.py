f = lambda x: 1 / x
print([f(x) for x in [1, 0]])
