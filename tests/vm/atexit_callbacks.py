# atexit: callbacks run at exit last-registered first, with their arguments, after the
# uncaught exception is reported (sys.last_type/last_value/last_traceback set for them);
# an exception in one is reported as "Exception ignored in atexit callback" and the
# others still run; unregister removes every registration of a function; register is
# usable as a decorator and refuses a non-callable.
import atexit
import sys

atexit._clear()  # python3's site may have registered some


def report(tag, *, sep):
    print("report", tag, sys.last_type.__name__, sys.last_value, sys.last_traceback.tb_lineno, sep=sep)


def boom():
    raise ValueError("boom in callback")


def g():
    print("g")


atexit.register(report, "first", sep="|")
atexit.register(boom)
atexit.register(g)
atexit.register(g)
atexit.unregister(g)


@atexit.register
def last():
    print("last registered runs first")
    atexit.register(print, "registered during exit: not run")


print(atexit._ncallbacks())
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)
atexit.register(g)
atexit._clear()
atexit.register(report, "second", sep=",")
atexit.register(boom)
atexit.register(last)
print(last.__name__, atexit._ncallbacks())
1 / 0
