val = 'b'
