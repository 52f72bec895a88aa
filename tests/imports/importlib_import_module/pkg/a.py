VALUE = 'a'
