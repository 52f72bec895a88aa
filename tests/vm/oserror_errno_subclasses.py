for errno_, name in [(2, "ENOENT"), (13, "EACCES"), (17, "EEXIST"), (20, "ENOTDIR"), (21, "EISDIR"), (32, "EPIPE"), (11, "EAGAIN"), (110, "ETIMEDOUT"), (111, "ECONNREFUSED"), (3, "ESRCH"), (10, "ECHILD"), (4, "EINTR"), (999, "other")]:
    e = OSError(errno_, "message")
    print(name, type(e).__name__, e.errno, e.strerror, str(e))
e = OSError(2, "No such file", "path.txt")
print(type(e).__name__, e.filename, str(e), repr(e), e.args)
e = OSError(2, "x", "a", None, "b")
print(str(e), e.filename2)
print(OSError("just msg").errno, str(OSError("just msg")), IOError is OSError, EnvironmentError is OSError)
print(issubclass(BrokenPipeError, ConnectionError), FileNotFoundError(2, "nf").errno)
