class R:
    def __repr__(self): return "R()"
class S:
    def __str__(self): return "S-str"
class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
print(str(R()), repr(R()), [R()], f"{R()!r} {R()!s}")
print(str(S()), repr(S())[:10])
print(Both(), [Both()], (Both(),), {1: Both()})
class BadRepr:
    def __repr__(self): return 1
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
print(ascii("héllo"), ascii(["ü"]), repr("tab\there"), repr("quote'"), repr('both\'"'))
