import sys
try:
    import bad
except ZeroDivisionError:
    print('caught', 'bad' in sys.modules)
