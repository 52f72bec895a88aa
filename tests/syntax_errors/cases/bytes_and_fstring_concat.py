x = b'abc' f'def'
