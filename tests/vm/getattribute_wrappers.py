# T.__getattribute__ is T's own slot wrapper for the builtin types that have one in
# CPython (list, int, type, module, ...), checks that self is a T, and finds what
# attribute access finds; list[int].__getattribute__ is forwarded to list's.
import sys
import types

for t in [list, int, str, dict, tuple, type, bytes, bytearray, float, complex, set,
          frozenset, range, slice, memoryview, property, super, object, BaseException,
          types.ModuleType, types.FunctionType, types.CodeType]:
    print(t.__name__, t.__getattribute__, '__getattribute__' in t.__dict__)
for t in [ValueError, bool, types.SimpleNamespace]:
    print(t.__name__, t.__getattribute__, '__getattribute__' in t.__dict__)

print(list.__getattribute__([1, 2], 'count')(1))
print(int.__getattribute__(5, 'real'), type.__getattribute__(int, '__name__'))
print(types.ModuleType.__getattribute__(sys, '__name__'))
print(super.__getattribute__(super(int, 5), '__thisclass__'))
for args in [(list, 5, 'x'), (int, 'a', 'real'), (type, 5, '__name__'), (dict, [], 'keys')]:
    try:
        args[0].__getattribute__(args[1], args[2])
    except TypeError as e:
        print(e)
try:
    list.__getattribute__([], 'nope')
except AttributeError as e:
    print(e)
print(list[int].__getattribute__ is list.__getattribute__, list[int].__getattribute__)
print(list[int].__getattribute__([1, 1], 'count')(1))


class L(list):
    def __getattribute__(self, name):
        if name == 'magic':
            return 42
        return list.__getattribute__(self, name)


l = L([3])
print(l.magic, l.count(3), L.__getattribute__ is list.__getattribute__)
