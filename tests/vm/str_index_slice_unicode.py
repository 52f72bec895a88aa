s = "a€𝄞b"
print(len(s), s[1], s[2], s[-1], s[1:3], s[::-1], s[::2], [c for c in s])
print(s.find("𝄞"), s.index("b"), s.encode("utf-8"), len(s.encode("utf-8")))
sur = "\ud800"
print(len(sur), repr(sur), repr("a" + sur + "b"), sur.isprintable())
try: sur.encode()
except UnicodeEncodeError as e: print(e)
print(sur.encode("utf-8", "surrogatepass"), "x\udcffy".encode("utf-8", "surrogateescape"))
try: s[10]
except IndexError as e: print(e)
print(s[10:], s[-10:2], "abcdef"[1:-1:2], "abc"[::-1][::-1])
