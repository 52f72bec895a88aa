# _operator: the operator functions, length_hint of builtin iterators, itemgetter/attrgetter/methodcaller (reprs, errors).
import operator as o
print(o.add(1, 2), o.itemgetter(1)([1, 2]), o.itemgetter(0, 1)('ab'), o.attrgetter('real')(3), o.methodcaller('upper')('a'))
print(repr(o.itemgetter(1)), repr(o.attrgetter('a.b')), repr(o.methodcaller('f', 1, k=2)))
print(o.length_hint([1, 2]), o.length_hint(iter([1, 2, 3])), o.index(5), o.concat([1], [2]), o.contains([1], 1), o.countOf([1, 1], 1), o.indexOf([3, 4], 4))
print(o.is_(None, None), o.not_(0), o.truth(2), o.neg(3), o.pow(2, 10), o.matmul.__name__, o.__lt__(1, 2), o.iadd([1], [2]))
try: o.index(1.5)
except TypeError as e: print(e)
try: o.concat(1, 2)
except TypeError as e: print(e)
print(type(o.itemgetter(1)).__name__, o.itemgetter.__module__)
print(sorted([(1, 'b'), (0, 'a')], key=o.itemgetter(1)))
for t in ['o.itemgetter()','o.attrgetter(1)','o.methodcaller()','o.methodcaller(1)','o.countOf(1,1)','o.indexOf([1],2)','o.length_hint(1, "a")','o.length_hint(object(), 7)','o.abs("a")','o.concat([1],(2,))','o.itemgetter(5)([1])', 'o.attrgetter("x")(1)','o.call(len,[1])','o.pow(2,-1)', 'o.length_hint(iter(range(5)))', 'o.length_hint(iter({1:2}))', 'o.length_hint(reversed([1,2]), 9)', 'o.index(2**70)', 'o.neg(True)', 'o.inv(5)', 'o.add(1)', 'o.truth()', 'o.itemgetter(1)([1,2],3)', 'o.methodcaller("f", 1, k=2)', 'o.attrgetter("a", "b.c")', 'o.itemgetter(slice(1,None))("abc")', 'o.xor(5, 3)', 'o.ilshift(1, 3)', 'o.matmul(1, 2)']:
    try: print(t, repr(eval(t)))
    except Exception as e: print(t, type(e).__name__, e)
class A: pass
a = A(); a.b = A(); a.b.c = 7; a.x = 1
print(o.attrgetter('x', 'b.c')(a), o.methodcaller('split', ',', maxsplit=1)('a,b,c'))
l = [1]; print(o.iadd(l, [2]) is l, o.iconcat(l, [3]), o.setitem(l, 0, 9), o.delitem(l, 1), l)
class R: 
    def __length_hint__(self): return 4
print(o.length_hint(R()), o.length_hint([1, 2, 3]))
try:
    class IG(o.itemgetter): pass
except TypeError as e: print('TypeError')

