#!/usr/bin/env python3
"""Benchmarks of the VM: each benches/vm/*.py is compiled by CPython to a .pyc and run by
`pyrs` (release build) and by `python3`, side by side; prints each time ratio
(pyrs / python3, lower is better) and their geometric mean. No timing is asserted.

    cargo build --release -p pyrs && python3 benches/run.py [--repeat 3] [NAME...]
"""
import argparse
import math
import py_compile
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_time(cmd, repeat):
    best, out = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True)
        dt = time.perf_counter() - t0
        out = (p.stdout, p.returncode)
        best = dt if best is None else min(best, dt)
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=str(ROOT / "target/release/pyrs"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    progs = sorted((ROOT / "benches/vm").glob("*.py"))
    if a.names:
        progs = [p for p in progs if p.stem in a.names]
    ratios = []
    print(f"{'benchmark':<16} {'python3 s':>10} {'pyrs s':>10} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for p in progs:
            pyc = Path(tmp) / (p.stem + ".pyc")
            py_compile.compile(str(p), cfile=str(pyc), dfile=str(p), doraise=True)
            tc, oc = best_time([sys.executable, str(pyc)], a.repeat)
            tp, op = best_time([a.pyrs, str(pyc)], a.repeat)
            same = "" if oc == op else "  (OUTPUT DIFFERS)"
            r = tp / tc
            ratios.append(r)
            print(f"{p.stem:<16} {tc:>10.3f} {tp:>10.3f} {r:>7.2f}{same}")
    if ratios:
        g = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{'geometric mean':<16} {'':>10} {'':>10} {g:>7.2f}")


if __name__ == "__main__":
    main()
