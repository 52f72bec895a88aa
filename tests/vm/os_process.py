# Process and system functions of posix, compared by property (values differ per run).
import os, sys

print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(os.getuid() == os.geteuid(), os.getgid() == os.getegid(), isinstance(os.getgroups(), list))
u = os.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname, u.machine == os.uname().machine)
print(isinstance(os.cpu_count(), int), os.cpu_count() >= 1)
print(os.GRND_NONBLOCK, os.GRND_RANDOM, len(os.getrandom(5)), os.getrandom(0), len(os.getrandom(3, flags=os.GRND_NONBLOCK)))
for a in ((-1,), (1, 99999), ("x",)):
    try:
        os.getrandom(*a)
    except (OSError, TypeError) as e:
        print("getrandom", type(e).__name__, e)
r = os.urandom(16)
print(type(r), len(r), os.urandom(0), r != os.urandom(16))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user >= 0, t[4] > 0)
print(os.strerror(2), os.strerror(13), os.strerror(0))
print(os.WIFEXITED(0), os.WEXITSTATUS(3 << 8), os.WIFSIGNALED(9), os.WTERMSIG(9), os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f))
print(os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(15))
print(os.isatty(987), os.device_encoding(987))
os.kill(os.getpid(), 0)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.WNOHANG, os.EX_OK, os.EX_USAGE)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT | os.O_EXCL | os.O_TRUNC | os.O_APPEND == os.O_CREAT + os.O_EXCL + os.O_TRUNC + os.O_APPEND)
print(os.system("exit 3") >> 8, os.system("true"))
print(isinstance(os.getloadavg(), tuple), len(os.sched_getaffinity(0)) >= 1)
print(sorted(k for k in ("stat", "open", "listdir", "scandir", "getcwd", "environ", "_exit", "fspath") if hasattr(os, k)))
print(os.sys is sys, "posix" in sys.builtin_module_names, "errno" in sys.builtin_module_names)
try:
    print(os.get_terminal_size())
except OSError as e:
    print("get_terminal_size", type(e).__name__, e.errno)
print(os.terminal_size((80, 24)) if hasattr(os.terminal_size, "__new__") and False else os.terminal_size.n_fields)
