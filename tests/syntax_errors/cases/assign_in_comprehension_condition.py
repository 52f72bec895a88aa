y = [i for i in x if i = 1]
