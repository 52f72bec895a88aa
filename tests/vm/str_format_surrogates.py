# Lone surrogates survive str % args, str.format and f-strings (literal text, values, keys, %c).
s = '\ud800'
t = 'a\udcffb'
tests = [
    lambda: '%s' % s, lambda: '%s|%r|%a' % (t, t, t), lambda: '%5s' % s, lambda: '%-4s|' % t,
    lambda: '{}'.format(s), lambda: '{:>4}'.format(t), lambda: '{!r}'.format(t), lambda: '{0}{1}'.format(s, t),
    lambda: f'{s}', lambda: f'{t!r}', lambda: f'{t:^7}', lambda: f'x{s}y{t}',
    lambda: format(s), lambda: format(t, '<5'), lambda: str.format('{a}', a=s),
    lambda: '{}'.format(s) + '\udc80', lambda: '%c' % 0xd800, lambda: '{:c}'.format(0xdfff), lambda: '%s' % ('\udc80' * 3),
    lambda: ('\ud800' + '%s') % 'x', lambda: ('{}' + '\ud83d') .format('\ude00'),
    lambda: '%(k)s' % {'k': s}, lambda: '%.2s' % t, lambda: '{:.2}'.format(t),
]
for f in tests:
    r = f()
    print(ascii(r), len(r))
print(ascii('%5c|%-3c|%05c|%.0c|%+c' % (0xd800, 'x', 65, 66, 67)))
print(ascii('%(\udc00)s' % {'\udc00': 'v'}))
print(ascii('{0:{1}}|'.format('\ud800', 4)))
class S(str):
    def __str__(self): return S('\udcab!')
print(ascii('%s|%4s' % (S('q'), S('q'))), ascii('{}|{!s:>4}'.format(S('q'), S('q'))))
for f, a in [('%\ud800', 1), ('%y', 1)]:
    try: print(f % a)
    except ValueError as e: print(ascii(str(e)))
for f in ['%é', '%\x01', '%~', '%\u4e00']:
    try: f % 1
    except ValueError as e: print(ascii(str(e)))
