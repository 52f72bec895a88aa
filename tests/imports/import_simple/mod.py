print('mod runs')
x = 42
def f():
    return 'f'
