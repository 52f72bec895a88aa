# int(), float() and complex() of a str read any Unicode decimal digit as its ASCII digit
# and any Unicode white space as a space (_PyUnicode_TransformDecimalAndSpaceToASCII);
# other non-ASCII characters (superscripts, fractions, DEL) are errors quoting the input.
cases = ["\u0661\u0662\u0663", "\u2003\u0967\u0968\u3000", "-\uff11\uff10", "\U0001d7ce7",
         "\u00b2", "\u00bd", "1\x7f", "\u0661_\u0662", "\u0e51\u0e52.\u0e55e\u0e51",
         "\u1680 12 \x85", "\u0663.\u0661\u0664j", "\u0661+\u0662j", "\u00a012\u00a0",
         "1\u200b", "\ud800", "\u0660x\u0661\u0660", "\x1c5", "5\x1f"]
for s in cases:
    for f in (int, float, complex, lambda t: int(t, 16), lambda t: int(t, 0)):
        try:
            print(ascii(s), repr(f(s)))
        except ValueError as e:
            print(ascii(s), "ValueError", e)
every = "".join(c for c in map(chr, range(0x110000)) if c.isdecimal())
print(len(every), int("1" + every[1::3][:40]), sum(int(c) for c in every))
# complex() takes underscores between digits only (checked before parsing, own message).
for s in ["1_2", "1__2", "_1", "1_", "1_2j", "1_2.3_4e1_0+5_6j", "1e_2", "(1_0)", "\u0661_2j"]:
    try:
        print(s, complex(s))
    except ValueError as e:
        print(ascii(s), "ValueError", e)
