# repr/str/== of objects nested 100,000 deep or holding themselves: a RecursionError or
# CPython's "..." marker, never a crash of the interpreter (Rust stack overflow).
import collections
import functools


def build(make, n=100000):
    x = None
    for _ in range(n):
        x = make(x)
    return x


def attempt(name, f):
    try:
        r = f()
        print(name, "ok", r if isinstance(r, (bool, str)) and len(str(r)) < 90 else type(r).__name__)
    except RecursionError as e:
        print(name, "RecursionError", e)


e = ValueError()
e.args = (e,)
attempt("repr exc self", lambda: repr(e))
attempt("str exc self", lambda: str(e))
dv = {}
dv[1] = dv.values()
attempt("repr values self", lambda: repr(dv))
di = {}
di[1] = di.items()
attempt("repr items self", lambda: repr(di.items()))
dk = {}
dk[1] = dk.keys()
attempt("repr keys self", lambda: repr(dk))
dq = collections.deque()
dq.append(dq)
attempt("repr deque self", lambda: repr(dq))
attempt("repr deep exc", lambda: repr(build(lambda x: ValueError(x))))
attempt("str deep exc", lambda: str(build(lambda x: ValueError(x))))
attempt("format deep exc", lambda: format(build(lambda x: ValueError(x))))
attempt("repr deep values", lambda: repr(build(lambda x: {1: x}.values())))
attempt("repr deep slice", lambda: repr(build(lambda x: slice(x))))
attempt("repr deep deque", lambda: repr(build(lambda x: collections.deque([x]))))
attempt("repr deep partial", lambda: repr(build(lambda x: functools.partial(print, x))))
attempt("eq deep frozenset", lambda: build(lambda x: frozenset([x])) == build(lambda x: frozenset([x])))
attempt("eq deep list", lambda: build(lambda x: [x]) == build(lambda x: [x]))
attempt("hash deep tuple", lambda: hash(build(lambda x: (x,))) == hash(build(lambda x: (x,))))
attempt("repr shallow", lambda: repr(build(lambda x: ValueError(x), 20)))


def chain(make, n=100000):
    x = iter([1, 2])
    for _ in range(n):
        x = make(x)
    return x


import itertools

attempt("islice chain", lambda: list(chain(lambda x: itertools.islice(x, 5))) == [1, 2])
attempt("itertools.chain chain", lambda: list(chain(lambda x: itertools.chain(x))) == [1, 2])
attempt("accumulate chain", lambda: list(chain(lambda x: itertools.accumulate(x), 50000)))
attempt("filter chain", lambda: list(chain(lambda x: filter(None, x))) == [1, 2])
attempt("zip chain", lambda: len(list(chain(lambda x: zip(x)))))
