X = 'unicode'
