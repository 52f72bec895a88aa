s = "hello, world"
print(s.upper(), s.title(), s.capitalize(), len(s), s[0], s[-1], s[2:5], s[::-1], s[::2])
print(s.split(", "), s.replace("l", "L"), s.find("o"), s.rfind("o"), s.count("l"))
print(s.startswith("hell"), s.endswith(("x", "ld")), "  pad ".strip(), "xxhixx".strip("x"))
print("-".join(["a", "b", "c"]), "a b  c".split(), "1,2,,3".split(","), "k=v=w".partition("="))
print("abc" * 3, "ab" + "cd", "b" in "abc", "z" not in "abc", "42".zfill(5), "x".center(5, "*"))
print(repr("it's"), repr('say "hi"'), repr("tab\t nl\n"), str(12), ord("A"), chr(97))
