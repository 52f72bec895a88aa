# str.format_map: mapping lookups (__missing__), nested specs, positional fields refused, argument errors.
class D(dict):
    def __missing__(self, k): return '<' + k + '>'
print('{a} {b!r:>6} {a.real} {c[0]}'.format_map(D(a=1, c=[9])))
for t, m in [('{0}', {}), ('{}', {}), ('{x}', {}), ('{x:{w}}', {'x': 1, 'w': 5})]:
    try: print(repr(t.format_map(m)))
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: 'x'.format_map(), lambda: 'x'.format_map({}, {}), lambda: '{a}'.format_map(5)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print('{\ud800}'.format_map({'\ud800': 1}) if False else 'skip')
