# BaseException.__setstate__/__reduce__ with the instance dict (copy of exceptions),
# __class_getitem__ of generic builtins, None/NotImplemented __bool__, dict view set
# operators with any iterable on either side, callable_iterator and memoryview wrappers.
e = ValueError(1)
print(e.__setstate__({'x': 5, 'args': (7,)}), e.x, e.args, e.__setstate__(None))
for bad in (lambda: e.__setstate__(3), lambda: e.__setstate__({1: 2})):
    try:
        bad()
    except TypeError as ex:
        print('TypeError', ex)
import copy
class MyErr(Exception):
    pass
m = MyErr('a')
m.extra = [1]
c = copy.copy(m)
print(type(c).__name__, c.args, c.extra, c.extra is m.extra)
dc = copy.deepcopy(m)
print(dc.args, dc.extra, dc.extra is m.extra)
print(list.__class_getitem__(int), dict[str, int], tuple.__class_getitem__((int, str)), set[int], frozenset[int], enumerate[str])
print(ExceptionGroup[ValueError], BaseExceptionGroup.__class_getitem__(int))
print(None.__bool__(), NotImplemented.__bool__(), type(None).__bool__(None))
d = {'a': 1, 'b': 2}
print(d.keys().__and__({'a'}), sorted(d.keys().__or__(['c'])), d.keys().__sub__('a'), sorted(d.keys().__xor__({'a', 'z'})))
print(d.items().__and__({('a', 1)}), d.keys().__rsub__({'a', 'q'}), d.keys().__rand__(['b']))
it = iter([1, 2].pop, 1)
print(it.__iter__() is it, it.__next__())
m = memoryview(bytearray(b'abc'))
print(m.__len__(), m.__getitem__(1), list(m.__iter__()))
m.__setitem__(0, 120)
print(bytes(m))
try:
    m.__delitem__(0)
except TypeError as ex:
    print('TypeError', ex)
d = {'a': 1, 'b': 2}
print(['b'] & d.keys(), {'q', 'a'} - d.keys(), sorted(('b',) | d.keys()), ['a'] - d.keys())
for bad in (lambda: d.keys() & 1, lambda: [] & d.keys() & 1):
    try:
        bad()
    except TypeError as ex:
        print('TypeError', ex)
# Sets are not subscriptable: no __getitem__ wrapper.
print(hasattr(set(), '__getitem__'), hasattr(frozenset(), '__getitem__'), set.__len__({1, 2}), type(frozenset.__iter__(frozenset())).__name__)
