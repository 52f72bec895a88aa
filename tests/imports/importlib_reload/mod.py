VERSION = 1
LOADS = globals().get('LOADS', 0) + 1


def counter():
    return 'old counter'
