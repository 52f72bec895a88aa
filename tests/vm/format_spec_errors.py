# format() spec errors as CPython's formatter_unicode.c gives them (str, int, float).
cases = [('ab', '=+8'), ('ab', '+'), ('ab', '-'), ('ab', ' '), ('ab', '=8'), ('ab', '=') , ('ab', ','), ('ab', '_'),
         ('ab', '#'), ('ab', 'd'), ('ab', 'x'), ('ab', 'f'), ('ab', '08'), ('ab', '0'), ('ab', '<08'), ('ab', '.1'), ('ab', '.1s'),
         ('ab', 'z'), ('ab', 'zs'), ('ab', '^8s'), ('ab', '#s'), ('ab', ',s'), ('ab', '+s'), ('ab', '010'),
         (1, 's'), (1, 'z'), (1, '.2'), (1, '.2d'), (1, '#c'), (1, '+c'), (1, ',c'), (1, ',x'), (1, '_x'), (1, ',_'), (1, '_,'),
         (1.5, 's'), (1.5, 'd'), (1.5, ',x'), (1.5, '#'), (1.5, 'n'), (1.5, '=+8'),
         (True, 's'), ('ab', '\u00e9'), (1, '\u00e9'), ('ab', 'ss'), ('ab', '123456789012345678901234567890'), ('ab', '.'),
         ('ab', '.s'), (1, '.'), ('ab', '<'), ('ab', '*<5'), (None, 's'), (None, 'x'), ([], 'x'), (1, ',,'), (1, '__'), ('ab', '=^5'),
         ]
for v, spec in cases:
    try:
        r = format(v, spec)
        print(repr(v), repr(spec), 'ok', repr(r))
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)
for t in ['{:+}', '{:=5}', '{:,}', '{:d}', '{0:#}']:
    try:
        print(t.format('ab'))
    except Exception as e:
        print(t, type(e).__name__, e)
try:
    print(f"{'ab':+}")
except ValueError as e:
    print('fstr', e)
for v, spec in [(True, '>5'), (False, 'd'), (1.25, 'n'), (1234567.0, 'n'), (12345, 'n'), (-3, '+c'), (65, 'c'), (65, '<3c'), (255, '#x'), (255, '_b'), (2**20, '_o'), (1234.5, '_'), (1234.5, ',.2f'), (1, '\x01'), ('ab', '\x7f'), ('ab', '*<05'), ('ab', '05')]:
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)
