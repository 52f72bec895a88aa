X = 'a'
