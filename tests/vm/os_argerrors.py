# The argument errors of posix's functions (Argument Clinic's, METH_O's, METH_NOARGS',
# PyArg_ParseTuple's): no arguments, too many, an unknown keyword.
import os, posix

names = """WCOREDUMP WEXITSTATUS WIFCONTINUED WIFEXITED WIFSIGNALED WIFSTOPPED WSTOPSIG
WTERMSIG _exit _path_normpath abort access chdir chmod close closerange cpu_count
device_encoding dup dup2 execv execve fchdir fchmod fspath fstat fsync ftruncate
get_blocking get_inheritable get_terminal_size getcwd getcwdb getegid geteuid getgid
getgroups getloadavg getpgrp getpid getppid getuid isatty kill link listdir lseek lstat
mkdir open pipe putenv read readlink remove rename replace rmdir scandir
sched_getaffinity set_blocking set_inheritable stat strerror symlink system times
truncate umask uname unlink unsetenv urandom utime wait waitpid waitstatus_to_exitcode
write chown lchown fchown mkfifo mknod statvfs fstatvfs major minor makedev pread pwrite
fdatasync getpgid getsid setpgid getrandom""".split()
for n in names:
    f = getattr(posix, n)
    for args, kw in (((), {}), ((None,) * 7, {}), ((), {"bogus_kw": 1})):
        if n in ("_exit", "abort") and not args and not kw:
            continue
        try:
            f(*args, **kw)
            print(n, "no error")
        except (TypeError, ValueError) as e:
            print(n, type(e).__name__, e)
        except OSError as e:
            print(n, "OSError", e.errno)
