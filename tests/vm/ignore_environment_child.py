# -E and -I: the interpreter ignores the PYTHON* variables it reads itself
# (PYTHONHASHSEED, PYTHONIOENCODING, PYTHONUTF8), but os.environ still has them.
import os
import sys

os.environ["PYTHONHASHSEED"] = "0"
os.environ["PYTHONIOENCODING"] = "latin-1"
code = (
    "import sys, os; print(sys.stdout.encoding, sys.flags.ignore_environment, "
    "sys.flags.hash_randomization, os.environ.get('PYTHONHASHSEED'), "
    "os.environ.get('PYTHONIOENCODING'))"
)
for opt in ("", "-E", "-I"):
    sys.stdout.flush()
    status = os.system(" ".join(x for x in (sys.executable, opt, "-c", '"%s"' % code) if x))
    print(opt or "(none)", status)
