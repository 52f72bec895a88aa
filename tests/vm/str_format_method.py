print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
class P:
    x = 3
print("{0.x} {p.x}".format(P(), p=P()), "{:*^9}".format("mid"), "{{literal}}".format())
print("{!s:>4}|{!r:<5}|{!a}".format(1, "x", "é"))
w = 8
print(f"{3.14159:{w}.2f}|", f"{'x'!r:>{w}}", f"{1+1=}", f"{w = }")
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "{x}".format()
except KeyError as e:
    print(repr(e))
