print('a runs')
import sys
sys.modules[__name__] = 'replaced'
