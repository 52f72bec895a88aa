print(hash("") == 0, hash("abc") == hash("ab" + "c"), hash("é") == hash("\u00e9"))
print(hash("a"), hash("hello"), hash("héllo"), hash("日本"), hash("𝄞"))
print(hash(b"abc"), hash((1, "a")), hash(frozenset()))
