words = ["banana", "Apple", "apple", "äpple", "Zebra", "", "a", "ab", "\U0001F600", "\u00e9"]
print(sorted(words))
print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "é" > "z", max(words), min(words))
print(sorted(words, key=str.lower))
print("abc" == "abc", "a" * 3 == "aaa", "x" != "X", "straße".casefold() == "STRASSE".casefold())
