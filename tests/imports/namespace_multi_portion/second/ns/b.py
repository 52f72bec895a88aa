Y = 'b'
