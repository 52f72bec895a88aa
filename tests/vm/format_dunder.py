class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        return f"${self.v:{spec or '.2f'}}"
m = Money(3.14159)
print(format(m), format(m, ".1f"), f"{m}", f"{m:>10.3f}", "{:.0f}".format(m))
class Plain: pass
try:
    format(Plain(), "d")
except TypeError as e:
    print(e)
print(format(Plain(), "")[:8])
class BadFmt:
    def __format__(self, spec): return 42
try:
    format(BadFmt())
except TypeError as e:
    print(e)
print(format(5, "04d"), format("ab", "^6"), format(2.5, "e"))
