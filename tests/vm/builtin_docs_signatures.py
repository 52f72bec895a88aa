# Docstrings and text signatures of builtins are CPython's text (scripts/gen_builtin_docs.py);
# descriptors show __name__, __qualname__, __objclass__.
print(len.__doc__)
print(len.__text_signature__, str.join.__text_signature__, str.join.__doc__)
print(str.__doc__[:60])
print(int.__doc__[:40], dict.__doc__[:30])
print(int.real.__doc__, int.real.__name__, int.real.__qualname__, int.real.__objclass__)
print(str.join.__objclass__, str.__add__.__objclass__, str.__add__.__doc__, str.__add__.__text_signature__)
print(dict.__dict__['fromkeys'].__name__, dict.__dict__['fromkeys'].__objclass__, dict.__dict__['fromkeys'].__text_signature__)
print(ValueError.__doc__, BaseException.args.__doc__)
print(type(None).__doc__, object.__doc__, list.append.__doc__)
class C:
    __slots__ = ('a',)
print(C.a.__name__, C.a.__qualname__, C.a.__objclass__, C.a.__doc__)
print(repr(type(len).__doc__), type(sum).__name__)
import sys
print(sys.getsizeof.__doc__ is None or isinstance(sys.getsizeof.__doc__, str))
def f(): pass
print(type(f).__doc__[:20])
