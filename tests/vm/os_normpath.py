# posixpath.normpath (posix._path_normpath) over every path of up to four parts drawn
# from a small alphabet, str and bytes; printed as a digest plus a sample.
import itertools, posixpath

parts = ["", "a", ".", "..", "/", "//", "b/", "./", "../"]
out = []
for k in range(5):
    for combo in itertools.product(parts, repeat=k):
        p = "".join(combo)
        out.append(p + " -> " + posixpath.normpath(p))
digest = 0
for line in out:
    for ch in line + "\n":
        digest = (digest * 131 + ord(ch)) % (1 << 61)
print(len(out), digest)
for line in out[::997]:
    print(line)
print(posixpath.normpath(b"//x/./y/../z//"), posixpath.normpath("a/\udcff/../b"))
