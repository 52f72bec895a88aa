#!/usr/bin/env python3
"""Parse speed: every .py file of CPython's Lib/ (test/ included), parsed by pyrs and by
CPython's ast.parse in the same run; prints the time of each (best of N) and the ratios.

    python3 benches/parse_lib.py [--repeat N]

Reading files is excluded on both sides. CPython is measured with `python3` (a plain build)
and, when present, Debian's optimized /usr/bin/python3.11.
"""
import argparse, os, subprocess, sys, sysconfig, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lib_files  # noqa: E402

CPYTHON_TIMER = r'''
import ast, sys, time, warnings
warnings.simplefilter("ignore")
files = sys.argv[2:]
srcs = [open(f, "rb").read() for f in files]
best = float("inf")
for _ in range(int(sys.argv[1])):
    t = time.perf_counter()
    for s in srcs:
        try:
            ast.parse(s)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            pass
    best = min(best, time.perf_counter() - t)
print(best)
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = lib_files.lib_py_files()
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "pyrs-parser", "--example", "parse_files"],
                   cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "parse_files")
    out = subprocess.run([exe, "--repeat", str(args.repeat)] + files, capture_output=True, text=True, check=True)
    pyrs_t = float(out.stdout.split()[0])
    size = sum(os.path.getsize(f) for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB")
    print(f"pyrs parse:                 {pyrs_t:.3f} s")
    for py in ["python3", "/usr/bin/python3.11"]:
        if py != "python3" and not os.path.exists(py):
            continue
        t = float(subprocess.run([py, "-c", CPYTHON_TIMER, str(args.repeat)] + files,
                                 capture_output=True, text=True, check=True).stdout)
        print(f"{py + ' ast.parse:':28}{t:.3f} s   pyrs is {t / pyrs_t:.2f}x faster")


if __name__ == "__main__":
    sys.exit(main())
