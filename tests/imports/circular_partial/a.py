print('a start')
import b
print('a end', b.B)
A = 1
