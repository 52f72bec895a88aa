s = "hello world hello"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("zz"))
print(s.index("world"), s.rindex("o"))
try:
    s.index("zz")
except ValueError as e:
    print(e)
print(s.count("l"), s.count("hello"), s.count(""))
print(s.startswith("hell"), s.startswith(("x", "he")), s.endswith("llo"), s.startswith("world", 6))
print(s.find("o", 5, 8))
