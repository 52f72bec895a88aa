# f-string BUILD_STRING, format() of str fields and `+` across PEP 393 widths:
# the parts are joined at the widest part's width (ASCII, Latin-1, UCS-2, UCS-4, lone
# surrogates), and the result must equal the code-point concatenation.

parts = ["", "abc", "caf\xe9", "\xff", "\u0100", "\u20ac uro", "\U0001f600", "\ud800", "\udfff", "x"]


def show(s):
    print(len(s), ascii(s), [hex(ord(c)) for c in s[:6]], hash(s) == hash("".join(list(s))))


for a in parts:
    for b in parts:
        show(f"{a}{b}")
        show(f"<{a}|{b}>")
        show(a + b)
        show(f"{a}-{b}-{a}")

# Width-narrowing must not happen from a wider part that is empty or sliced.
wide = "\U0001f600abc"
show(f"{wide[1:]}{'x'}")
show(f"{wide[:0]}{chr(0xe9)}")

# format() of a str: fill, alignment, precision at every width.
specs = ["", "5", "<6", ">6", "^7", "*^7", "\u20ac>6", "\U0001f600<5", ".2", "8.3", "^9.1",
         "0<5", "05", "x>3", "\xe9^6", ".0", "20"]
for a in parts:
    for sp in specs:
        r = format(a, sp)
        show(r)
        show(f"{a:{sp}}")

# Truncation by precision to narrower code points re-narrows the storage.
for s in ["ab\u20ac", "a\U0001f600", "\xe9\u20ac", "ab\xe9"]:
    for p in range(4):
        r = format(s, f".{p}")
        show(r)
        print(r == s[:p], hash(r) == hash(s[:p]))


# A str subclass: format uses the contents, not __str__; the result is an exact str.
class S(str):
    def __str__(self):
        return "overridden"

    def __format__(self, spec):
        return "F(" + str.__format__(self, spec) + ")"


class T(str):
    def __str__(self):
        return "T-overridden"


for v in [S("abc"), T("abc"), T("\u20ac")]:
    print(ascii(format(v, "")), ascii(format(v, "5")), ascii(f"{v:>4}"), ascii(f"{v}"))
    print(type(format(v, "5")).__name__, type(f"{v:>4}").__name__)
    print(type(str.__format__(v, "")).__name__, type(str.__format__(v, "3")).__name__)

# Errors of the str path.
for sp in ["=5", "+5", " 5", "#5", "z5", "d", "5x"]:
    try:
        print(format("abc", sp))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Identity: an exact str formatted without padding may be the same object.
s = "hello"
print(format(s, "") == s, format(s, "3") == s, format(s, "s") == s)
for v in [T("abc"), T("\xe9\xe9\xe9"), S("ab")]:
    for sp in ["", "s", "3", "2", ".5", ".3", "<3", ".1"]:
        r = format(v, sp)
        print(repr(sp), ascii(r), type(r).__name__, type(str.__format__(v, sp)).__name__)

# str.__format__ called directly: argument checks.
for args in [("ab", 5), (5, ""), ("ab", None)]:
    try:
        print(ascii(str.__format__(*args)))
    except TypeError as e:
        print("TypeError", e)
print(str.__format__("ab", ">4"), str.__format__("ab", ""))
