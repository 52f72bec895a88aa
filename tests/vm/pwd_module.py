# pwd: the password database (read from /etc/passwd by pyrs; NSS by CPython).
import os, pwd, posixpath

root = pwd.getpwuid(0)
print(root, type(root).__name__, root.pw_name, root[2], len(root))
print(pwd.getpwnam(root.pw_name) == root, pwd.struct_passwd.n_fields)
me = pwd.getpwuid(os.getuid())
print(me == pwd.getpwnam(me.pw_name), me.pw_uid == os.getuid())
allp = pwd.getpwall()
print(type(allp).__name__, root in allp, all(type(e) is pwd.struct_passwd for e in allp))
print(posixpath.expanduser("~" + root.pw_name) == root.pw_dir, posixpath.expanduser("~" + root.pw_name + "/x"))
print(posixpath.expanduser("~no_such_user_here/x"))
for f, a in ((pwd.getpwuid, 54321), (pwd.getpwuid, -1), (pwd.getpwuid, 2**40), (pwd.getpwuid, "0"),
             (pwd.getpwnam, "no_such_user_here"), (pwd.getpwnam, 1), (pwd.getpwnam, "a\0b")):
    try:
        print(f(a))
    except (KeyError, TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)
for f, a in ((pwd.getpwall, (1,)), (pwd.getpwuid, ()), (pwd.getpwnam, ("a", "b"))):
    try:
        f(*a)
    except TypeError as e:
        print(f.__name__, e)
