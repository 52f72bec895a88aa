s = "  a b  c  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a,b,,c".rsplit(",", 1))
print("a b c".rsplit())
print("line1\nline2\r\nline3".splitlines())
print("line1\nline2\r\nline3\n".splitlines(True))
print("-".join(["x", "y", "z"]))
print("".join([]))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
