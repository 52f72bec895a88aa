def compute(x, y):
    return (x)**y // (y - y)
compute(2, 3)
