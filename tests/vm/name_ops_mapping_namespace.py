# LOAD_NAME/STORE_NAME on a namespace that is not an exact dict go through the
# mapping's __getitem__/__setitem__ (a KeyError falls back to globals, then builtins);
# an exact dict is read and written directly. dict.__getitem__ called as a method
# consults a subclass's __missing__ (dict_subscript).
class NS(dict):
    def __getitem__(self, k):
        print('get', k)
        return super().__getitem__(k)

    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)

    def __missing__(self, k):
        print('missing', k)
        raise KeyError(k)


class M(type):
    @classmethod
    def __prepare__(m, n, b):
        return NS()


class C(metaclass=M):
    x = 1
    y = x + 1
    print(len)
    del x
print(C.y, hasattr(C, 'x'))

ns = NS(a=5)
exec("b = a + 1\nprint(b)\ndel b", {}, ns)
print(sorted(ns))


class Plain:
    def __init__(self):
        self.d = {'q': 7}

    def __getitem__(self, k):
        print('plain get', k)
        return self.d[k]

    def __setitem__(self, k, v):
        print('plain set', k, v)
        self.d[k] = v


p = Plain()
exec("r = q * 2\nprint(r, len('ab'))", {}, p)
print(sorted(p.d))
try:
    exec("print(nowhere)", {}, p)
except NameError as e:
    print('NameError', e)


class Boom(dict):
    def __getitem__(self, k):
        raise ValueError('boom ' + k)


try:
    exec("z", {}, Boom())
except ValueError as e:
    print('ValueError', e)


class D(dict):
    def __missing__(self, k):
        return 'm' + k


d = D()
print(d['a'], d.__getitem__('b'), dict.__getitem__(d, 'c'))


class E(D):
    def __getitem__(self, k):
        return super().__getitem__(k)


print(E()['z'])
try:
    dict.__getitem__({}, 'k')
except KeyError as e:
    print('KeyError', e)

# Module-level names in a loop (exact dict globals).
total = 0
for k in range(1000):
    total += k % 3
print(total)
del total
try:
    total
except NameError as e:
    print(e)
