VALUE = 'deep'
