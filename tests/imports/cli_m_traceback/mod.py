import sys
# The frames runpy runs the main module under (CPython: <frozen runpy>).
print(sys._getframe(1).f_code.co_name, sys._getframe(1).f_code.co_filename, sys._getframe(1).f_lineno)
print(sys._getframe(2).f_code.co_name, sys._getframe(2).f_lineno, sys._getframe(2).f_back)

def f():
    raise ValueError("from the -m module")

f()
