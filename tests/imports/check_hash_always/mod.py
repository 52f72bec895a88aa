X = 'old'
