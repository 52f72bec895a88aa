# split/rsplit/join/replace/count fast paths at each storage width (1, 2, 4 bytes per
# code point), overlapping separators, maxsplit remainders, and str subclasses.
samples = ["a,b,,c", " a b  c ", "  x ", "", "é,ü,,ß", "α β  γ ", "😀,x,,😀", "aaa", "\u3000a\u3000b\u3000"]
for s in samples:
    for sep in [None, ",", ",,", "a", "aa", "é", "😀", "β"]:
        for m in [-1, 0, 1, 2, 5]:
            print(repr(s), repr(sep), m, s.split(sep, m), s.rsplit(sep, m))
print("aaaa".rsplit("aa"), "aaaaa".rsplit("aa", 1), "aaaaa".split("aa", 1))
print("x".split(sep="x", maxsplit=1), "a b".rsplit(maxsplit=0))
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "a".split(1)
except TypeError as e:
    print("TypeError", e)

class S(str):
    pass

parts = ["ab", S("cd"), "é", "😀", ""]
print("-".join(parts), S("+").join(["x", "y"]), type(S("+").join(["x"])).__name__)
print("".join([]), ",".join(["a"]), "é".join(["a", "b"]), "a".join(["😀", "b"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
for s in ["item1 item2 itemitem", "é item ü", "😀item😀"]:
    for old, new in [("item", "it"), ("item", ""), ("", "-"), ("i", "é"), ("😀", "x"), ("m", "mm")]:
        for n in [-1, 0, 1, 2]:
            print(repr(s.replace(old, new, n)))
    print(s.count("item"), s.count("item", 2), s.count("item", 5, 3), s.count("", 1, 4), s.count("m"))
print("aaaa".count("aa"), "aaaa".count("a", -2), S("abab").count("ab"))
print("ab".replace(S("a"), S("z")), type("ab".replace("a", "z")).__name__)
