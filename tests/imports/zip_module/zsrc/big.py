DATA = 'x' * 5000 + 'end'
