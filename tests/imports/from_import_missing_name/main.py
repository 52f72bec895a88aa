try:
    from mod import nope
except ImportError as e:
    print(type(e).__name__, e)
from mod import nope
