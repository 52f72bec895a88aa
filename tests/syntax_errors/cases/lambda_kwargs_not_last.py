f = lambda **k, a: a
