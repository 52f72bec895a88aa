# ImportError / ModuleNotFoundError keyword arguments name= and path=, the .name .path .msg
# members (None by default), str/repr, __reduce__, and NameError/AttributeError keywords.
for make in [lambda: ImportError('x', name='m'), lambda: ImportError(), lambda: ImportError('a','b'),
             lambda: ImportError('x', name='m', path='/p'), lambda: ModuleNotFoundError('q', name='z'),
             lambda: ImportError(name='n'), lambda: ImportError('a', path=3)]:
    e = make()
    print(repr(e), str(e), e.args, e.name, e.path, e.msg)
    print(e.__reduce__())
try:
    ImportError('x', foo=1)
except TypeError as t:
    print(t)
try:
    ModuleNotFoundError('x', foo=1)
except TypeError as t:
    print(t)
e = ImportError('x')
e.name = 'w'; e.msg = 'changed'; e.path = 5
print(e.name, e.msg, e.path, str(e), e.args)
class MyIE(ImportError):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
m = MyIE('y', name='q')
print(repr(m), m.name)
e = ImportError('a', 'b'); print(e.msg)
e = ImportError(); print(e.msg, repr(str(e)))
e = ImportError(1); print(e.msg, str(e))
del e.name
print(e.name)
for cls in (NameError, AttributeError):
    try:
        cls('x', path=1)
    except TypeError as t:
        print(t)
    print(cls('x', name='n').name)
print(AttributeError('x', obj=3).obj, AttributeError('x').obj)
try:
    ValueError('x', name=1)
except TypeError as t:
    print(t)
e = ImportError('m', name='n', path='p')
e.msg = 7
print(str(e), repr(e))
e.msg = 'plain'
print(str(e))
class S(str):
    pass
e.msg = S('sub')
print(str(e), type(str(e)).__name__)
try:
    raise ModuleNotFoundError('boom', name='mod')
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
