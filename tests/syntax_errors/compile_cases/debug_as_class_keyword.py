class A(__debug__=1): pass
