# code.replace(): a new code object with fields replaced, validated as CPython's.
def f(a, b=1, *c, d, **e):
    x = 1
    def g():
        return x + a
    return g

co = f.__code__
r = co.replace(co_name="h", co_firstlineno=7, co_qualname="Q.h", co_filename="other.py")
print(r.co_name, r.co_qualname, r.co_firstlineno, r.co_filename, r is co, r == co)
print(r.co_varnames, r.co_cellvars, r.co_freevars, r.co_nlocals, r.co_argcount, r.co_kwonlyargcount)
print(r.co_code == co.co_code, r.co_consts == co.co_consts, r.co_names == co.co_names, r.co_flags == co.co_flags)
print(r.co_linetable == co.co_linetable, r.co_exceptiontable == co.co_exceptiontable)
print(co.replace() is co, co.replace().co_name)
c = compile("1 + 2", "<s>", "eval")
print(c.co_consts, eval(c.replace(co_consts=(42,))))
c = compile("A", "<s>", "eval")
print(eval(c.replace(co_names=("B",)), {"A": 1, "B": 2}))
c = compile("a + b", "<s>", "eval")
# BINARY_OP 0 (+) becomes BINARY_OP 5 (*)
m = c.replace(co_code=c.co_code.replace(bytes([122, 0]), bytes([122, 5])))
print(eval(m, {"a": 6, "b": 7}), eval(c, {"a": 6, "b": 7}))
c = compile("x = 1\ny = x + 1", "<s>", "exec")
ns = {}
exec(c.replace(co_names=("p", "q")), ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["q"])

for kw in [dict(co_argcount=-1), dict(co_argcount="x"), dict(co_code=b"\x00"), dict(co_consts=[1]),
           dict(co_names=(1,)), dict(co_filename=b"x"), dict(co_linetable="x"), dict(co_varnames=("a", 1)),
           dict(co_argcount=9), dict(co_flags=-1), dict(co_stacksize=-5), dict(co_nlocals=99),
           dict(co_varnames=("a", "b")), dict(co_bogus=1), dict(co_name=1), dict(co_posonlyargcount=-1),
           dict(co_kwonlyargcount=-1), dict(co_nlocals=-1)]:
    try:
        co.replace(**kw)
        print(kw, "ok")
    except (TypeError, ValueError, SystemError) as e:
        print(list(kw), type(e).__name__, e)
try:
    co.replace(1)
except TypeError as e:
    print(e)
