try:
    import pkg.bad
except ZeroDivisionError as e:
    print('error', e)
import sys
print('pkg' in sys.modules, 'pkg.bad' in sys.modules, hasattr(sys.modules['pkg'], 'bad'))
