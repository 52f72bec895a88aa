# Finalizers of what a frame drops when it returns to a builtin (print's str(), max's key, map) run then, before the builtin goes on.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
class A:
    def __str__(self):
        d = D('str')
        return 'A'
print(A(), 'B')
def key(x):
    d = D(x)
    return -x
log = []
class L:
    def __del__(self): log.append(1)
def k2(x):
    l = L()
    return x
print(max([1, 2], key=k2), log)
def raiser(x):
    d = D('raiser')
    raise ValueError(x)
try:
    print('x', *map(raiser, [1]))
except ValueError as e:
    print('caught')
print('%s|%s' % (A(), A()))
def key(x):
    d = D(x)
    return x
print(sorted([3, 1, 2], key=key))
def raiser(x):
    d = D('r%d' % x)
    raise ValueError(x)
try:
    list(map(raiser, [1]))
except ValueError as e:
    print('caught', e)
    del e
print(list(map(key, [7, 8])))
def gen():
    for i in range(2):
        d = D('g%d' % i)
        yield i
        del d
print(list(gen()))
print('end')
