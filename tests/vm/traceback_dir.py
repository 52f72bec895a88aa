# dir() of a traceback lists its four attributes only (tb_dir); tb.__dir__() unsorted.
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
print(dir(tb))
print(tb.__dir__())
print(type(tb).__dir__, '__dir__' in type(tb).__dict__)
print(type(tb).__getattribute__)
try:
    type(tb).__dir__(5)
except TypeError as e:
    print(type(e).__name__)
