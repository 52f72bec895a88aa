def f():
    assert False, 'assert kept'
    print('asserts removed', __debug__)
