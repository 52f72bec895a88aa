# A function that has read a global must not keep it alive: `del` of the global frees it
# then (LOAD_GLOBAL's inline cache holds where the name is, not the value).
class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


def h():
    return n


n = Node('a')
for i in range(3):
    h()
del n
print('after del')

# Rebinding the global frees the old value at the rebinding.
n = Node('b')
for i in range(3):
    h()
n = Node('c')
print('after rebind', h().name)

# A builtin shadowed by a global, then the global deleted: the builtin again.
def length(x):
    return len(x)

print(length('abc'))
len = lambda x: 'shadowed'
print(length('abc'))
del len
print(length('abc'))

# A global defined after the first (failing) read.
def g():
    return later

try:
    g()
except NameError as e:
    print(e)
later = 5
print(g(), g())
del later
try:
    g()
except NameError as e:
    print(e)
del n
print('end')
