X = 1  # the source
