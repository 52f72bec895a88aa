# type's __doc__ / __text_signature__ / __module__ descriptors: builtin types' CPython text,
# classes' own entries (every class has a __doc__).
print(type(len).__doc__, type(str.join).__doc__, int.__doc__[:30], type.__doc__[:20])
print(object.__text_signature__, int.__text_signature__, type(len).__text_signature__)
class C:
    "doc of C"
class D:
    pass
print(C.__doc__, D.__doc__, C().__doc__, D().__doc__)
C.__doc__ = 'new'
print(C.__doc__, C().__doc__, C.__text_signature__)
class E(C): pass
print(E.__doc__)
class P:
    @property
    def __doc__(self): return 'inst'
print(type(P.__doc__).__name__, P().__doc__)
try:
    int.__doc__ = 'x'
except TypeError as e:
    print(e)
try:
    del C.__doc__
except TypeError as e:
    print(e)
import collections
print(collections.OrderedDict.__doc__[:20])
