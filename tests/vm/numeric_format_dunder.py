# int.__format__, float.__format__ and complex.__format__ as methods: called directly, by a
# subclass's __format__ (explicitly and through super()), with CPython's type errors.
print(float.__format__(2.5, '.3f'), int.__format__(5, '>4'), complex.__format__(1 + 2j, ''))
print(int.__format__(True, ''), bool.__format__(True, ''), int.__format__(True, 'd'))
print(float.__format__(1.5, ''), int.__format__(10**30, ','), complex.__format__(3j, '>10.2f'))
print((255).__format__('x'), (2.0).__format__('e'), (1j).__format__('^8'))
for f, a, b in [(int.__format__, 'a', 'x'), (float.__format__, 1, ''),
                (int.__format__, 5, None), (complex.__format__, 1j, 3),
                (complex.__format__, 1.0, ''), (float.__format__, 1.0, 'q')]:
    try:
        print(f(a, b))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class F(float):
    def __format__(self, spec):
        return 'F:' + float.__format__(self, spec)


class I(int):
    def __format__(self, spec):
        return 'I:' + super().__format__(spec)


class Plain(int):
    pass


print(format(F(1.25), '.1f'), f'{F(2):>6}', format(I(7), '03d'), format(I(7)))
print(format(Plain(12), 'b'), f'{Plain(3)!r:>4}', int.__format__(Plain(9), '+'))
print(type(int.__dict__['__format__']).__name__, int.__format__.__qualname__)
