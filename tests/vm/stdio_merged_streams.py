# stdout and stderr into one pipe (a child run by os.system with 2>&1): after a script
# file (or stdin) runs, CPython flushes sys.stderr then sys.stdout (flush_io) before the
# uncaught exception's report; after -c it does not, and exit flushes stdout then stderr.
import os
import sys

base = os.environ.get("TMPDIR") or "/tmp"
d = os.path.join(base, "pyrs-stdio-" + os.urandom(6).hex())
os.mkdir(d)
child = os.path.join(d, "child.py")
body = (
    "import sys\n"
    "print('out1')\n"
    "sys.stdout.write('out2 ')\n"
    "sys.stderr.write('err1 ')\n"
    "print('err2', end='', file=sys.stderr)\n"
    "raise SystemExit('bye')\n"
)
with open(child, "w") as f:
    f.write(body)
exe = sys.executable
for cmd in [
    "%s child.py 2>&1" % exe,
    "%s - < child.py 2>&1" % exe,
    "%s -c \"$(cat child.py)\" 2>&1" % exe,
    "%s -u child.py 2>&1" % exe,
]:
    sys.stdout.flush()
    status = os.system("cd %s && env -u PYTHONUNBUFFERED %s" % (d, cmd))
    print()
    print("status", status >> 8, cmd.split()[1])
os.remove(child)
os.rmdir(d)
