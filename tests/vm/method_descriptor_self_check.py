# Unbound methods and slot wrappers of builtin types check their first argument
# (CPython's descr_check / wrapperdescr_call messages); in-place slot wrappers;
# __divmod__/__rdivmod__; descriptors' __get__/__call__.
def show(f):
    try:
        print(repr(f()))
    except TypeError as e:
        print('TypeError:', e)

show(lambda: str.__add__(1, 'a'))
show(lambda: str.join(1, []))
show(lambda: int.__add__('a', 1))
show(lambda: list.append((), 1))
show(lambda: str.join())
show(lambda: str.__add__())
show(lambda: dict.keys([]))
show(lambda: float.__add__(1, 2.0))
show(lambda: str.upper('abc'))
show(lambda: int.__add__(True, 2))

class S(str):
    pass
show(lambda: str.upper(S('x')))
show(lambda: S('a').join(['b', 'c']))
show(lambda: object.__init_subclass__())
show(lambda: object.__subclasshook__(int))

l = [1]
print(list.__iadd__(l, (2, 3)), l, list.__imul__(l, 2), l)
show(lambda: list.__iadd__([], 5))
b = bytearray(b'ab')
print(bytearray.__iadd__(b, b'cd'), bytearray.__imul__(b, 2), b)
s = {1, 2}
print(set.__ior__(s, {3}), set.__iand__(s, {1, 3}), set.__isub__(s, {1}), set.__ixor__(s, {4}), s)
print(set.__ior__(s, [1]))
d = {'a': 1}
print(dict.__ior__(d, {'b': 2}), dict.__ior__(d, [('c', 3)]), d)

class L(list):
    def __iadd__(self, other):
        print('L.__iadd__')
        return super().__iadd__(other)
x = L([1])
x += [2]
print(x, type(x).__name__)

print(int.__divmod__(7, 2), int.__rdivmod__(7, 2), (7).__divmod__(2.0))
print(float.__divmod__(7.5, 2), float.__rdivmod__(2.0, 7), (7.5).__divmod__('x'))
print(True.__divmod__(2), divmod(-7, 2), (-7).__divmod__(2))
show(lambda: (1.0).__divmod__(0))
show(lambda: (1).__divmod__(0))

print(str.join.__get__('-')(['a', 'b']), str.join.__call__(',', 'xy'))
print(str.__add__.__get__('a')('b'), str.__add__.__call__('a', 'c'))
fk = dict.__dict__['fromkeys']
print(fk.__get__(None, dict)([1, 2]), fk.__name__, fk.__qualname__)
print(len.__call__([1, 2, 3]))
