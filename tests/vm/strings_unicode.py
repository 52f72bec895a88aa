s = "héllo wörld ☃ 𝄞"
print(len(s), s[1], s[-1], s[12], s[::-1], s.upper())
for i in range(len(s)):
    if ord(s[i]) > 127:
        print(i, s[i], ord(s[i]))
t = "日本語のテキスト"
print(len(t), t[2:5], t.find("テ"), t * 2, repr(t))
print("é" == "\u00e9", "ß".upper(), "ǅ".lower(), ascii("café"))
