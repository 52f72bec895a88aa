samples = ["abc", "ABC1", "123", "١٢٣", "½", "²", "  ", "\t\n", "", "a b", "_id", "1id", "é", "Ⅻ", "x\u0301", "\x00", "日本"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
