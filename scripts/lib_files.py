"""The `.py` files of CPython's `Lib/` (site-packages and __pycache__ left out), in a stable
order: the file set every whole-Lib oracle and benchmark runs on. Imported by the scripts
in scripts/ and benches/ (`sys.path` holds scripts/ for them)."""
import os
import random
import sysconfig

LIB = sysconfig.get_paths()["stdlib"]


def lib_py_files(root=LIB):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        out += [os.path.join(d, f) for f in sorted(files) if f.endswith(".py")]
    return out


def sample(files, n, seed=0):
    """`n` of `files` chosen reproducibly (all of them when `n` is 0 or too large)."""
    if not n or n >= len(files):
        return files
    files = list(files)
    random.Random(seed).shuffle(files)
    return sorted(files[:n])
