other = 1
def __getattr__(name):
    if name == 'missing':
        raise AttributeError(name)
    return 'dyn:' + name
