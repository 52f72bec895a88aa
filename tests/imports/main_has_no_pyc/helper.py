v = 'helped'
