pairs = [x, for x in items]
