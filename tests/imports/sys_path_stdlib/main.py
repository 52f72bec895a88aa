# sys.path as CPython 3.11 computes it: sys.path[0], then PYTHONPATH's entries, then the
# standard library's three (python311.zip even though absent, python3.11, lib-dynload).
# site-packages is added by the `site` module, which pyrs does not run (pyrs behaves as
# `python3 -S`; docs/differences.md): it is left out of the comparison.
import sys
print([p for p in sys.path if not p.endswith("site-packages")])
print(sys.path.index(sys._stdlib_dir) >= 1, sys._stdlib_dir.endswith("/lib/python3.11"))
