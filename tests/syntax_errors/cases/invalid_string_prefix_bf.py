s = bf'abc'
