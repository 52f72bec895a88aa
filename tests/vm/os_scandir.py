# os.scandir / DirEntry and os.walk over a scratch tree made under the current directory.
import os, stat

base = "_os_scandir_%d" % os.getpid()
_print = print
def print(*args):
    # The scratch directory's name holds the pid: shown as BASE.
    _print(*(str(a).replace(base, "BASE") for a in args))
os.mkdir(base)
try:
    os.makedirs(os.path.join(base, "a", "b"))
    os.mkdir(os.path.join(base, "c"))
    for f in ("a/one.txt", "a/b/two.txt", "three.txt"):
        fd = os.open(os.path.join(base, f), os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, f.encode())
        os.close(fd)
    os.symlink("three.txt", os.path.join(base, "ln"))
    os.symlink("missing", os.path.join(base, "dangling"))
    os.symlink("a", os.path.join(base, "dirlink"))
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, e.is_dir(), e.is_dir(follow_symlinks=False),
              e.is_file(), e.is_file(follow_symlinks=False), e.is_symlink(),
              os.fspath(e), e.inode() == os.lstat(e.path).st_ino)
        try:
            print("  stat", stat.filemode(e.stat().st_mode), e.stat(follow_symlinks=False).st_size == os.lstat(e.path).st_size)
        except FileNotFoundError as x:
            print("  stat", type(x).__name__, x.filename)
    print(type(entries[0]).__name__, type(entries[0]).__module__, os.DirEntry is type(entries[0]))
    be = sorted(os.scandir(os.fsencode(base)), key=lambda e: e.name)
    print([(e.name, e.path) for e in be][:2])
    it = os.scandir(base)
    print(type(next(it)).__name__)
    it.close()
    it.close()
    try:
        next(it)
    except StopIteration:
        print("closed: StopIteration")
    print(sorted(e.name for e in os.scandir(os.path.join(base, "a"))))
    cwd = os.getcwd()
    os.chdir(base)
    print(sorted(e.path for e in os.scandir()))
    os.chdir(cwd)
    for top, dirs, files in os.walk(base):
        dirs.sort()
        print(top, dirs, sorted(files))
    for top, dirs, files in os.walk(base, topdown=False):
        print(top, sorted(dirs), sorted(files))
    for top, dirs, files in os.walk(base, followlinks=True):
        dirs.sort()
        print(top, dirs, sorted(files))
    for top, dirs, files, fd in os.fwalk(base):
        dirs.sort()
        print("fwalk", top, dirs, sorted(files), type(fd))
    errs = []
    print(list(os.walk(base + "-missing", onerror=errs.append)), type(errs[0]).__name__)
    try:
        os.DirEntry()
    except TypeError as e:
        print("TypeError")
    print(os.DirEntry[int])
finally:
    for top, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.unlink(os.path.join(top, f))
        for d in dirs:
            p = os.path.join(top, d)
            os.unlink(p) if os.path.islink(p) else os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))
