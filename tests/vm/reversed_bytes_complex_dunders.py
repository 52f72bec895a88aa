# list/dict/range __reversed__, bytes.__bytes__, complex.__complex__ (also on subclasses).
class L(list): pass
class D(dict): pass
class L2(list):
    def __reversed__(self): return iter(['own'])
print(list([1, 2, 3].__reversed__()), list(L([4, 5]).__reversed__()), list(reversed(L([6, 7]))), list(reversed(L2([1]))))
print(list({1: 2, 3: 4}.__reversed__()), list(D(a=1, b=2).__reversed__()), list(reversed(D(x=1, y=2))))
print(list(range(4).__reversed__()), list(L2([1, 2]).__reversed__()), list(list.__reversed__(L2([1, 2]))))
class B(bytes): pass
class C(complex): pass
print(b'ab'.__bytes__(), type(B(b'x').__bytes__()).__name__, (1+2j).__complex__(), type(C(1, 2).__complex__()).__name__)
for f in [lambda: [].__reversed__(1), lambda: b''.__bytes__(1), lambda: list.__reversed__(())]:
    try: print(f())
    except TypeError as e: print('TypeError')
