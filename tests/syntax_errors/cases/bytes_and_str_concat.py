x = 'abc' b'def'
