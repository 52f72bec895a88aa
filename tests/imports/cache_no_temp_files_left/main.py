import a, b, c
