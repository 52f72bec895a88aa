X = 'shadow'
