try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e))
x = 5
assert x > 3
def check(v):
    assert v, f"bad value {v!r}"
check([0])
check([])
