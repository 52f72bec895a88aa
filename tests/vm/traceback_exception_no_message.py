class MyError(Exception):
    pass
def f():
    raise MyError
f()
