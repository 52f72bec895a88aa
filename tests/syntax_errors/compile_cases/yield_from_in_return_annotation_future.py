from __future__ import annotations
def f() -> (yield from x): pass
