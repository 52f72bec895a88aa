import sys
def f():
    raise ValueError("x")
try:
    f()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is e)
print(sys.exc_info())
