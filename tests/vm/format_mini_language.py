print(format(3.14159, ".2f"), format(42, "08d"), format(42, "x"), format(42, "#b"), format(255, "#X"))
print(format("hi", ">5"), format("hi", "^6"), format("hi", "*<5"), format(1234567, ","), format(1234567, "_"))
print(format(0.25, "%"), format(12345.678, "e"), format(12345.678, ".3g"), format(-5, "+d"), format(5, " d"))
print("{:>8.3f}|{:<6}|{:^7}".format(3.14159, "ab", "mid"))
print("{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{!r}".format("s"))
print(f"{12:=+6}", f"{1e20:g}", f"{0.000012:g}", f"{1.0:g}", f"{'abc':.2}")
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
print(format(F(), "xyz"), f"{F():abc}", "{:q}".format(F()))
try:
    format(1, "z")
except ValueError as e:
    print(e)
print(format(1.5, ""), format(True, "d"), format(10, "c") == "\n", format(3, "n"))
print(format(-0.0001, "z.2f"), format(-0.0, "z"), format(-0.5, "z.0f"), format(-1.5, "z.1f"), f"{-0.0:z.3e}")
try:
    format("s", "z")
except ValueError as e:
    print(e)
print(repr(format(2.0, "<5")), repr(format(1e20, ">3")), repr(format(0.1, "+")), repr(format(1e-7, "")), repr(format(123456789012345678.0, ",")))
for v in ([1], None, (1,), {}):
    try:
        format(v, ">5")
    except TypeError as e:
        print(e)
print(format(None, ""), format([1, 2], ""), "{:>6}".format("ab"))
class S(str):
    pass
print(format(S("xy"), ">4"))
