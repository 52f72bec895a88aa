raise ValueError, 'bad value'
