# pyrs finds the CPython 3.11 installation whose standard library it runs (getpath.rs):
# sys.prefix and friends are python3's own, with and without -E/-I.
import sys
for name in ("prefix", "exec_prefix", "base_prefix", "base_exec_prefix", "platlibdir",
             "_stdlib_dir"):
    print(name, getattr(sys, name))
print(sys._stdlib_dir == sys.prefix + "/lib/python3.11")
