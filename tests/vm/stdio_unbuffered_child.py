# -u and PYTHONUNBUFFERED (and -E ignoring it) in a child interpreter run with
# os.system, whose output shares this process's stdout: unbuffered, text and os.write
# keep their order; buffered, the text waits until exit.
import os
import sys

code = ("import sys, os; sys.stdout.write('a'); os.write(1, b'b'); "
        "print(sys.stdout.write_through, sys.stdout.line_buffering, type(sys.stdout.buffer).__name__, "
        "sys.stderr.line_buffering, sys.stderr.write_through, sys.stdin.write_through)")
for prefix, flag in [("env -u PYTHONUNBUFFERED", ""), ("env -u PYTHONUNBUFFERED", "-u"),
                     ("env PYTHONUNBUFFERED=1", ""), ("env PYTHONUNBUFFERED=1", "-E"),
                     ("env PYTHONUNBUFFERED=", "")]:
    sys.stdout.flush()
    status = os.system('%s %s %s -c "%s"' % (prefix, sys.executable, flag, code))
    print("status", status, repr(flag))
