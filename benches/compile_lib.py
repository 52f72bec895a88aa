#!/usr/bin/env python3
"""Compile speed: the whole Lib tree, source to code objects (parse included), with pyrs
and with CPython's compile(), in one run; prints both times and the ratio.

Usage: benches/compile_lib.py [--pyrs PATH] [--also PYTHON ...]
(PATH: the pyrs_check example of pyrs-compiler, release build recommended:
cargo build --release -p pyrs-compiler --example pyrs_check). `--also` times compile() in
other CPython 3.11 builds too (default: Debian's optimized /usr/bin/python3.11 when it
exists), each in a subprocess over the same files, and prints the ratio to each.
"""

import argparse
import os
import resource
import subprocess
import sys
import sysconfig
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = sysconfig.get_paths()["stdlib"]
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lib_files  # noqa: E402


# Run by another interpreter: compile() every file named on stdin, print the seconds.
TIMER = r"""
import sys, time
files = sys.stdin.read().split("\n")
sources = []
for f in files:
    with open(f, "rb") as fh:
        sources.append((f, fh.read()))
t0, c0 = time.perf_counter(), time.process_time()
for f, src in sources:
    try:
        compile(src, f, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def time_other(python, files):
    out = subprocess.run([python, "-W", "ignore", "-c", TIMER], input="\n".join(files),
                         capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "examples", "pyrs_check"))
    default_also = ["/usr/bin/python3.11"] if os.path.exists("/usr/bin/python3.11") else []
    ap.add_argument("--also", nargs="*", default=default_also)
    args = ap.parse_args()
    files = lib_files.lib_py_files()
    sources = []
    for f in files:
        with open(f, "rb") as fh:
            sources.append((f, fh.read()))
    ok = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for f, src in sources:
        try:
            compile(src, f, "exec", dont_inherit=True)
            ok += 1
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
    t_cpython, c_cpython = time.perf_counter() - t0, time.process_time() - c0
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([args.pyrs, "--bench", *files], capture_output=True, text=True, check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    ok_pyrs, t_pyrs = out.stdout.split()
    t_pyrs = float(t_pyrs)
    # CPU time (user + system) is steadier than wall time on a loaded machine; pyrs's
    # includes its process start and the file reads.
    c_pyrs = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    print(f"files: {len(files)} (CPython compiled {ok}, pyrs {ok_pyrs})")
    print(f"CPython compile(): {t_cpython:.3f} s wall, {c_cpython:.3f} s CPU")
    print(f"pyrs:              {t_pyrs:.3f} s wall (in-process timing, file reads included), "
          f"{c_pyrs:.3f} s CPU (whole process)")
    print(f"ratio CPython/pyrs: {t_cpython / t_pyrs:.2f}x wall, {c_cpython / c_pyrs:.2f}x CPU")
    for python in args.also:
        t, c = time_other(python, files)
        print(f"{python} compile(): {t:.3f} s wall, {c:.3f} s CPU; "
              f"ratio {python}/pyrs: {t / t_pyrs:.2f}x wall, {c / c_pyrs:.2f}x CPU")

if __name__ == "__main__":
    main()
