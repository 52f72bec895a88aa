s = "The quick brown fox"
print(s.lower().count("o"), s.index("q"), s.rsplit(" ", 1), s.split(None, 2), s.rpartition(" "))
print("a\nb\r\nc".splitlines(), "  x  ".lstrip(), "  x  ".rstrip() + "|", "Hello".swapcase())
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "ABC".isupper(), "abc".islower())
print("x".ljust(3, "."), "x".rjust(3, "."), "%-6s|" % "ab", "{:*^9}".format("mid"), "tab".expandtabs() if hasattr("", "expandtabs") else "tab")
print("banana".replace("a", "o", 2), "aaa".replace("", "-"), "é".encode(), b"caf\xc3\xa9".decode())
