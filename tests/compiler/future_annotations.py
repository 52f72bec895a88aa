# Annotation text under `from __future__ import annotations` (CPython's ast_unparse.c).
from __future__ import annotations
import sys

a1: int
a2: list[int] | None = None
a3: dict[str, tuple[int, ...]]
a4: "quoted 'inner'"
a5: 'it''s "both"'
a6: f"x{y!r:>{w}} {{lit}} {z=}"
a7: f"{ {1: 2}[1] }"
a8: lambda x, /, y=1, *a, k, m=2, **kw: x
a9: (lambda: 0)
a10: 1 if c else 2
a11: not a and b or c
a12: (a or b) and c
a13: -x ** -y
a14: (-x) ** y
a15: 2 ** 3 ** 4
a16: (2 ** 3) ** 4
a17: a - (b - c) + (d + e)
a18: a < b < c == d is not e not in f
a19: x[1:2, ::3, ...]
a20: x[()]
a21: x[(1,)]
a22: x[1,]
a23: (1,)
a24: ()
a25: [*a, *b]
a26: {**a, 'b': 1}
a27: {1, 2}
a28: [i for i in range(3) if i if not i]
a29: {k: v for k, v in d.items()}
a30: {s for s in t}
a31: f(x for x in y)
a32: f((x for x in y), z)
a33: f(*a, b=1, **c)
a34: 1 .real
a35: True.real
a36: 1.5e300 * 1e300
a37: 1e400j
a38: b"by\x00tes" + b'"'
a39: u"uni"
a40: ...
a43: "\ud800"
a44: f"\ud800{x}"
a45: "tab\t\n\\"
a46: 0x10 + 0o7 + 0b1 + 1_000
a48: ~a | b ^ c & d << e >> f
a49: a @ b // c % d / e
a51: x if (y if z else w) else v
a52: (x if y else z).attr
a53: f"{x:{y}.{z}}"
a54: f"{'a' 'b'}"
a55: not (not x)
a56: -(-1)
a57: +(~1)


def f(x: int = 1, *args: *Ts, y: "a" = 2, **kw: dict) -> list[int]:
    pass


class C:
    c1: ClassVar[int] = 3
    c2: C.D


def g(a, /, b: x.y[z], *, c: (1, 2)) -> None:
    pass


print(__annotations__)
print(f.__annotations__)
print(C.__annotations__)
print(g.__annotations__)
