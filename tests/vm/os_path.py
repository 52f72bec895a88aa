# os.path (posixpath, genericpath) over the native posix module.
import os, os.path, posixpath, sys

print(os.path is posixpath, os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == "\n", os.name)
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b"), os.path.join(b"x", b"y"))
print(os.path.split("/a/b/c.txt"), os.path.splitext("x/y.tar.gz"), os.path.basename("a/b/"), os.path.dirname("a/b/c"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath("/../x"), os.path.normpath(""))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["abc", "abd"]))
cwd = os.getcwd()
print(os.path.abspath("x") == os.path.join(cwd, "x"), os.path.abspath(b".") == os.getcwdb())
print(os.path.relpath(os.path.join(cwd, "a", "b")), os.path.relpath("/", "/"))
print(os.path.exists("."), os.path.exists("no-such-file-here"), os.path.isdir("."), os.path.isfile("."))
print(os.path.exists("bad\0name"), os.path.lexists("."), os.path.islink("."), os.path.ismount("/"))
print(os.path.realpath(".") == os.path.realpath(cwd), os.path.realpath("/") == "/")
home = os.environ.get("HOME")
print(os.path.expanduser("~") == home, os.path.expanduser("~/x") == os.path.join(home, "x"), os.path.expanduser("a~"))
os.environ["PYRS_T_VAR"] = "value"
print(os.fspath("s"), os.fspath(b"b"), os.fsencode("x\udcff"), os.fsdecode(b"x\xff") == "x\udcff")
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(os.path.join(P("a"), "b"), os.fspath(P(b"q")), os.path.exists(P(".")))
for bad in (1, None, P(1)):
    try:
        os.fspath(bad)
    except TypeError as e:
        print("TypeError", e)
print(os.path.getsize(".") > 0, type(os.path.getmtime(".")), os.path.getatime(".") > 0)
st = os.stat(".")
print(os.path.samestat(st, os.stat(cwd)), os.path.sameopenfile(0, 0))
print(sorted(os.supports_follow_symlinks, key=lambda f: f.__name__) == sorted(os.supports_follow_symlinks, key=lambda f: f.__name__))
print(os.stat in os.supports_dir_fd, os.stat in os.supports_fd, os.listdir in os.supports_fd, os.stat in os.supports_follow_symlinks)
print(os.access in os.supports_effective_ids, hasattr(os, "fwalk"))
