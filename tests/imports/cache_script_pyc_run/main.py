print('main ran', __file__.endswith('.pyc'))
import mod
print(mod.X)
