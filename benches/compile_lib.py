#!/usr/bin/env python3
"""Compile speed: the whole Lib tree, source to code objects (parse included), with pyrs
and with CPython's compile(), in one run; prints both times and the ratio.

Usage: benches/compile_lib.py [--pyrs PATH] (PATH: the pyrs_check example of pyrs-compiler,
release build recommended: cargo build --release -p pyrs-compiler --example pyrs_check)
"""

import argparse
import os
import subprocess
import sys
import sysconfig
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = sysconfig.get_paths()["stdlib"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "examples", "pyrs_check"))
    args = ap.parse_args()
    files = []
    for d, _, fs in os.walk(LIB):
        if "site-packages" not in d:
            files += [os.path.join(d, f) for f in fs if f.endswith(".py")]
    files.sort()
    sources = []
    for f in files:
        with open(f, "rb") as fh:
            sources.append((f, fh.read()))
    ok = 0
    t0 = time.perf_counter()
    for f, src in sources:
        try:
            compile(src, f, "exec", dont_inherit=True)
            ok += 1
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
    t_cpython = time.perf_counter() - t0
    out = subprocess.run([args.pyrs, "--bench", *files], capture_output=True, text=True, check=True)
    ok_pyrs, t_pyrs = out.stdout.split()
    t_pyrs = float(t_pyrs)
    print(f"files: {len(files)} (CPython compiled {ok}, pyrs {ok_pyrs})")
    print(f"CPython compile(): {t_cpython:.3f} s")
    print(f"pyrs:              {t_pyrs:.3f} s (in-process timing, file reads included)")
    print(f"ratio CPython/pyrs: {t_cpython / t_pyrs:.2f}x")


if __name__ == "__main__":
    main()
