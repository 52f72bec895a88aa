# Code objects: co_lines(), co_positions(), co_linetable, co_exceptiontable as CPython's
# (compared on CPython-compiled .pyc files and on pyrs's own compiler's output).
def f(a):
    try:
        b = a + 1
    except TypeError:
        b = 0
    return (b,
            a)

co = f.__code__
lines = list(co.co_lines())
print(lines[0][0], all(len(t) == 3 for t in lines), sorted({l for _, _, l in lines if l}))
print(sum(e - s for s, e, _ in lines) == len(co.co_code))
ps = list(co.co_positions())
print(len(ps) == len(co.co_code) // 2, ps[-1][0], all(len(p) == 4 for p in ps))
print(type(co.co_linetable).__name__, type(co.co_exceptiontable).__name__, len(co.co_exceptiontable) > 0)
print((lambda: 0).__code__.co_exceptiontable)
print(type(co).__dict__['co_linetable'], type(co).__dict__['co_exceptiontable'])
import dis
print([(e.start, e.end, e.target, e.depth, e.lasti) for e in dis._parse_exception_table(co)])
try:
    type(co).co_lines(1)
except TypeError as e:
    print('TypeError', e)
