'module doc'
def f():
    'function doc'
