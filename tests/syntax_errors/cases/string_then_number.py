x = 'abc' 1
