# __module__ of builtin types comes from type's descriptor (not object's dict): dir() of
# builtin objects has no '__module__', instances of builtin types have none.
print(object.__module__, int.__module__, str.__module__, type(len).__module__)
for v in (1, 'a', None, [], object()):
    print('__module__' in dir(v), hasattr(v, '__module__'))
class C:
    pass
print(C.__module__, C().__module__, '__module__' in dir(C()))
print('__module__' in object.__dict__, '__module__' in int.__dict__)
C.__module__ = 'elsewhere'
print(C.__module__, C().__module__, repr(C)[:25])
print(type.__dict__['__module__'], type.__dict__['__bases__'], C.__bases__, bool.__bases__)
for bad in (lambda: setattr(int, '__module__', 'x'), lambda: delattr(C, '__module__')):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
import collections
print(collections.OrderedDict.__module__, collections.deque.__module__)
