s = "hello"
try:
    s[0] = "H"
except TypeError as e:
    print(e)
print(s[::-1], s[1:-1], s[-10:10], s[10:], s * 0, "ab" * -1, s.upper() + "!", "x" in s, "" in s)
print(len("héllo"), "é".encode(), "a\u0301", ord("\u0301"), "\N{BULLET}" if False else "•")
print("%s" % [1, "a"], str(b"x"), str(1.0), str(None), str([None, True]))
print("abc" < "abd", "Z" < "a", "" < "a", max(["b", "ab", "c"]), "a".join("xyz"))
