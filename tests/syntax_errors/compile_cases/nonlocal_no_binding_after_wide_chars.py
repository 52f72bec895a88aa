def f():
    s = '日本'; nonlocal x
