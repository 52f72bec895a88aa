VALUE = 'b'
