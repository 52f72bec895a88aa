print('a', 'b'
