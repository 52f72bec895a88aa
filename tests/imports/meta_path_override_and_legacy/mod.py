V = 'mod'
