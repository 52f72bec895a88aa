def f():
    raise ValueError('boom')
