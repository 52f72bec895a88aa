V = 'other'
