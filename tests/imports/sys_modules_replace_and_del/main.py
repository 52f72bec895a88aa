import sys
import a
print(a)
del sys.modules['a']
import a as a2
print('reloaded')
sys.modules['fake'] = 'I am fake'
import fake
print(fake)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
