print('b start')
import a
print('b sees a partly:', hasattr(a, 'A'))
B = 2
