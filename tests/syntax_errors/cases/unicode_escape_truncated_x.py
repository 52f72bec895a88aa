s = 'abc\x1'
