samples = ["ǆemal", "ﬁnance", "ŉ", "ΐ", "ǳ", "ᾳ", "ß", "İstanbul", "ﬀ ﬂ ﬃ", "Ⅻ", "⅓", "٣", "𝟘", "①", "፩", "\u3000", "\u2028", "\u200b", "\u1680", "a\u0301", "_x", "x²", "日本語", "ǅungla"]
for s in samples:
    print(ascii(s), ascii(s.title()), ascii(s.capitalize()), ascii(s.swapcase()), s.istitle(), s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.isidentifier())
