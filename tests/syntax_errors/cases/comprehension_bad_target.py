x = [i for f() in y]
