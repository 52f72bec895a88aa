print("%s is %d years" % ("Bob", 30))
print("%5.2f|%-5d|%05d|%x|%X|%o|%e|%r|%%" % (3.14159, 42, 7, 255, 255, 8, 12345.6789, "q"))
print("%(name)s=%(v)03d" % {"name": "n", "v": 5})
print("%c%c" % (72, "i"), "%+d % d" % (5, 5), "%.3s" % "abcdef", "%*d" % (5, 42))
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print(e)
try:
    "%s" % ("a", "b")
except TypeError as e:
    print(e)
print("%-*d|" % (4, 7), "%.*f" % (2, 3.14159), "%*s|" % (-4, "ab"))
try:
    "%c" % "ab"
except TypeError as e:
    print(e)
