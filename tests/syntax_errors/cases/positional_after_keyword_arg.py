print(sep=', ', 'a')
