# str case conversion and case predicates over every code point (lone surrogates
# included), per character and in context (final sigma, title/capitalize word
# boundaries), printed as digests of blocks of 4096 code points. Built from whole-string
# operations so that it stays fast.
CHUNK = 4096


def digest(s):
    # hash() of an int is its value modulo 2**61 - 1 (not randomized), computed fast.
    return hash(int.from_bytes(s.encode("utf-32-le", "surrogatepass"), "little"))


chunks = ["".join(map(chr, range(i, min(i + CHUNK, 0x110000))))
          for i in range(0, 0x110000, CHUNK)]
spaced = [" ".join(s) for s in chunks]
methods = [str.lower, str.upper, str.casefold, str.swapcase, str.capitalize, str.title]

# Each character alone: separated by spaces (uncased, not case-ignorable), a word of
# one character is mapped as the character alone (title: its title case).
for m in methods:
    for i, t in enumerate(spaced):
        r = m(t)
        if r != t:
            print(m.__name__, "char", i, len(r), digest(r))

# Whole blocks: context (final sigma, word boundaries, capitalize's first character).
for m in methods:
    for i, s in enumerate(chunks):
        r = m(s)
        if r != s:
            print(m.__name__, "block", i, len(r), digest(r))


def find(s, has):
    """The characters of s for which has(one-character run) holds, by bisection."""
    if not has(s):
        return ""
    if len(s) == 1:
        return s
    h = len(s) // 2
    return find(s[:h], has) + find(s[h:], has)


# Predicates: upper or title case characters (they make "a" + s not lower), lower or
# title case characters (they make "A" + s not upper); then the predicates of blocks.
for name, has in [("upper/title", lambda s: not ("a" + s).islower()),
                  ("lower/title", lambda s: not ("A" + s).isupper())]:
    for i, s in enumerate(chunks):
        r = find(s, has)
        if r:
            print(name, i, len(r), digest(r))
for p in [str.isupper, str.islower, str.istitle]:
    print(p.__name__, "blocks", "".join("1" if p(s) else "0" for s in chunks))
    print(p.__name__, "spaced", "".join("1" if p(t) else "0" for t in spaced))

# Final sigma after and before each character (cased / case-ignorable properties).
for head, sep, tail in [(" A", "\u03a3  A", "\u03a3 "), (" ", "\u03a3  ", "\u03a3 "),
                        (" A\u03a3", "  A\u03a3", " ")]:
    for i, s in enumerate(chunks):
        t = head + sep.join(s) + tail
        low = t.lower()
        print(ascii(head), i, low.count("\u03c2"), digest(low), digest(t.swapcase()))
