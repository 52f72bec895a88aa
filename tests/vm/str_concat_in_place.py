# `s += t` / `s = s + t` appends in place only when the local and the operand are the
# str's only references (BINARY_OP + STORE_FAST to the same local). Every alias must keep
# its old value; widths, surrogates, interned strings, strs in containers and subclasses
# with __add__/__radd__ must behave exactly as a fresh concatenation.

def aliases():
    s = "ab"
    t = s
    s += "cd"
    print(s, t)
    u = s
    s = s + "ef"
    print(s, u, t)
    lst = [s]
    s += "!"
    print(s, lst)
    d = {"k": s}
    s += "?"
    print(s, d)
    tup = (s,)
    s = s + "#"
    print(s, tup)


def self_concat():
    s = "xy"
    s += s
    print(s)
    s = s + s
    print(s)


def widths():
    s = ""
    for part in ["a", "\xe9", "b", "\u20ac", "c", "\U0001f600", "d", "\ud800", "e"]:
        s += part
        print(len(s), ascii(s), hash(s) == hash("".join(list(s))))
    # Narrow appended to wide, wide appended to narrow.
    w = "\u20ac"
    for i in range(5):
        w += str(i)
    print(ascii(w), len(w))
    n = "abc"
    n += "\U0001f600"
    print(ascii(n), len(n))
    m = "\xe9"
    m += "a"
    print(ascii(m), m == "\xe9a", m.isascii())
    a = "a"
    a += "b"
    print(a.isascii(), a == "ab", hash(a) == hash("ab"))


def interned():
    s = "hello"
    s += " world"
    print(s, "hello")
    k = "key"
    k += ""
    print(k, k == "key")


def hash_reset():
    s = "abc"
    h1 = hash(s)
    d = {s: 1}
    del d
    s += "d"
    print(hash(s) == hash("abcd"), hash(s) != h1 or s == "abc")
    e = {}
    e[s] = 1
    s2 = s
    s += "e"
    print(e.get("abcd"), e.get("abcde"), s2)


class S(str):
    def __add__(self, other):
        return "S.__add__(" + str.__str__(self) + "," + other + ")"

    def __radd__(self, other):
        return "S.__radd__(" + other + "," + str.__str__(self) + ")"


class Plain(str):
    pass


def subclasses():
    s = "base"
    s += S("sub")
    print(s, type(s).__name__)
    s = S("left")
    s += "right"
    print(s, type(s).__name__)
    p = Plain("p")
    p += "q"
    print(p, type(p).__name__)
    q = "q"
    q += Plain("r")
    print(q, type(q).__name__)


def loop_build():
    s = ""
    for i in range(2000):
        s += str(i)
        if i % 10 == 0:
            s += ","
    print(len(s), s[:30], s[-30:], s.count(","))
    keep = []
    s = ""
    for i in range(50):
        s += chr(65 + i % 26)
        if i % 7 == 0:
            keep.append(s)
    print(keep)


def in_comprehension_and_loop_var():
    out = []
    for w in ["a", "b\u20ac", "c"]:
        w += "!"
        out.append(w)
    print(ascii(out))


def errors():
    s = "a"
    try:
        s += 1
    except TypeError as e:
        print("TypeError", e)
    print(s)
    try:
        s = s + None
    except TypeError as e:
        print("TypeError", e)
    print(s)


def nonlocal_and_global():
    global G
    G = "g"
    G += "h"
    print(G)
    c = "c"

    def inner():
        nonlocal c
        c += "d"
        return c

    print(inner(), c)


aliases()
self_concat()
widths()
interned()
hash_reset()
subclasses()
loop_build()
in_comprehension_and_loop_var()
errors()
nonlocal_and_global()
m = "module"
m += "-level"
print(m)
