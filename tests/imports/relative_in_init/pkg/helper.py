H = 'h'
def f():
    return 'f'
