# posix: ownership, fifos, statvfs, pread/pwrite, device numbers, process groups.
import os, stat

base = "_os_more_%d" % os.getpid()
os.mkdir(base)
try:
    p = os.path.join(base, "f")
    fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o644)
    print(os.pwrite(fd, b"0123456789", 0), os.pwrite(fd, b"AB", 4), os.lseek(fd, 0, os.SEEK_CUR))
    print(os.pread(fd, 6, 2), os.pread(fd, 100, 8), os.pread(fd, 5, 100), os.pread(fd, 0, 0))
    os.fdatasync(fd)
    uid, gid = os.getuid(), os.getgid()
    os.chown(p, uid, gid)
    os.chown(p, -1, -1)
    os.fchown(fd, uid, -1)
    os.chown(fd, -1, gid)
    st = os.stat(p)
    print(st.st_uid == uid, st.st_gid == gid)
    os.symlink("f", os.path.join(base, "ln"))
    os.lchown(os.path.join(base, "ln"), uid, gid)
    os.close(fd)
    os.mkfifo(os.path.join(base, "fifo"), 0o600)
    print(stat.S_ISFIFO(os.stat(os.path.join(base, "fifo")).st_mode), oct(stat.S_IMODE(os.stat(os.path.join(base, "fifo")).st_mode)))
    os.mknod(os.path.join(base, "node"), 0o600 | stat.S_IFREG)
    print(stat.S_ISREG(os.stat(os.path.join(base, "node")).st_mode))
    sv = os.statvfs(base)
    print(type(sv).__name__, len(sv), sv.f_bsize > 0, sv.f_namemax, sv[0] == sv.f_bsize, isinstance(sv.f_fsid, int))
    print(os.statvfs_result.n_fields, os.statvfs_result.n_sequence_fields, os.fstatvfs(0).f_namemax >= 0)
    try:
        os.statvfs(os.path.join(base, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.filename == os.path.join(base, "missing"))
    for f, a in ((os.mkfifo, (os.path.join(base, "fifo"),)), (os.mknod, (os.path.join(base, "node"),))):
        try:
            f(*a)
        except FileExistsError as e:
            print("FileExistsError", e.filename)
    d = os.stat("/dev/null").st_rdev
    print(os.major(d), os.minor(d), os.makedev(os.major(d), os.minor(d)) == d, os.makedev(300, 70000))
    print(os.getpgid(0) == os.getpgrp(), os.getsid(0) == os.getsid(os.getpid()))
    for f, a in ((os.chown, (p, 1.5, 0)), (os.chown, (p, -2, 0)), (os.chown, (p, 2**64, 0)), (os.chown, (p, 0, 2**40)),
                 (os.major, (-1,)), (os.major, (2**70,)), (os.major, (1.5,)), (os.pread, (0, -1, 0)), (os.getpgid, (-5,))):
        try:
            f(*a)
        except (TypeError, OverflowError, OSError) as e:
            print(f.__name__, type(e).__name__, e)
finally:
    for n in sorted(os.listdir(base)):
        os.unlink(os.path.join(base, n))
    os.rmdir(base)
