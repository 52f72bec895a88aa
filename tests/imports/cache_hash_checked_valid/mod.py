X = 'hash'
