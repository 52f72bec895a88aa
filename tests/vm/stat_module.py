# stat (with the native _stat): the S_IS* tests, S_IMODE/S_IFMT and filemode over a
# seventh of all 16-bit modes (as a digest), the constants, and _stat's argument errors.
import stat, _stat

fns = [stat.S_ISDIR, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISREG, stat.S_ISFIFO, stat.S_ISLNK,
       stat.S_ISSOCK, stat.S_ISDOOR, stat.S_ISPORT, stat.S_ISWHT]
digest = 0
for m in range(0, 1 << 16, 7):
    row = "".join("1" if f(m) else "0" for f in fns)
    row += "%o %o %s" % (stat.S_IMODE(m), stat.S_IFMT(m), stat.filemode(m))
    for ch in row:
        digest = (digest * 131 + ord(ch)) % (1 << 61)
print(digest)
print(stat.filemode(0o104755), stat.filemode(0o42777), stat.filemode(0o121777), stat.filemode(0o7000))
names = [n for n in dir(_stat) if n[:1] in "SUF"]
print(len(names), [(n, getattr(stat, n)) for n in sorted(names) if not callable(getattr(stat, n))][:12])
print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
for f, a in ((stat.S_ISDIR, ()), (stat.S_ISDIR, ("x",)), (stat.S_ISDIR, (-1,)), (stat.S_IMODE, (2**40,)),
             (stat.filemode, ("x",)), (stat.S_ISDIR, (1, 2)), (stat.S_IFMT, (1.5,)), (stat.S_ISREG, (True,))):
    try:
        print(f.__name__, f(*a))
    except (TypeError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
