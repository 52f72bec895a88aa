s = "hello World ß ǅ"
print(s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase())
print("ﬁ".upper(), "İ".lower(), len("İ".lower()), "ΣΑΣ".lower(), "ǈ".title(), "ß".capitalize())
print("abc".istitle(), "Abc Def".istitle(), "ABC".isupper(), "abc".islower(), "ǅ".istitle(), "123".isupper())
print("they're bill's".title())
