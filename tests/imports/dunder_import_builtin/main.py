m = __import__('pkg.sub')
print(m.__name__)
m = __import__('pkg.sub', fromlist=['x'])
print(m.__name__)
m = __import__('sub', globals={'__package__': 'pkg'}, level=1)
print(m.__name__)
try:
    __import__('')
except ValueError as e:
    print(e)
try:
    __import__('x', level=-1)
except ValueError as e:
    print(e)
