#!/usr/bin/env python3
"""Benchmarks of the VM: each benches/vm/*.py is compiled by CPython to a .pyc and run by
`pyrs` (release build), by `python3` and, when present, by Debian's optimized
/usr/bin/python3.11, side by side; prints each time ratio (pyrs / CPython, lower is better)
and their geometric means, then the startup time of a hello-world script (median of 20
runs each). No timing is asserted.

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
    ratios, ratios_deb = [], []
    deb = "/usr/bin/python3.11" if Path("/usr/bin/python3.11").exists() else None
    print(f"{'benchmark':<16} {'python3 s':>10} {'py3.11deb s':>12} {'pyrs s':>10} {'/python3':>9} {'/deb':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for p in progs:
            pyc = Path(tmp) / (p.stem + ".pyc")
            py_compile.compile(str(p), cfile=str(pyc), dfile=str(p), doraise=True)
            tc, oc = best_time([sys.executable, str(pyc)], a.repeat)
            td = best_time([deb, str(pyc)], a.repeat)[0] if deb else float("nan")
            tp, op = best_time([a.pyrs, str(pyc)], a.repeat)
            same = "" if oc == op else "  (OUTPUT DIFFERS)"
            r, rd = tp / tc, tp / td
            ratios.append(r)
            if deb:
                ratios_deb.append(rd)
            print(f"{p.stem:<16} {tc:>10.3f} {td:>12.3f} {tp:>10.3f} {r:>9.2f} {rd:>7.2f}{same}")
    if ratios:
        g = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        gd = math.exp(sum(math.log(r) for r in ratios_deb) / len(ratios_deb)) if ratios_deb else float("nan")
        print(f"{'geometric mean':<16} {'':>10} {'':>12} {'':>10} {g:>9.2f} {gd:>7.2f}")
    # Startup: a hello-world script, median of 20 runs.
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello.py"
        hello.write_text('print("Hello World!")\n')
        def median_run(cmd):
            ts = []
            for _ in range(20):
                t0 = time.perf_counter()
                subprocess.run(cmd, capture_output=True)
                ts.append(time.perf_counter() - t0)
            return sorted(ts)[10]
        tc = median_run([sys.executable, str(hello)])
        tp = median_run([a.pyrs, str(hello)])
        line = f"startup (hello.py, median of 20): python3 {tc * 1000:.1f} ms, pyrs {tp * 1000:.1f} ms ({tp / tc:.2f}x)"
        if deb:
            td = median_run([deb, str(hello)])
            line += f", /usr/bin/python3.11 {td * 1000:.1f} ms ({tp / td:.2f}x)"
        print(line)


if __name__ == "__main__":
    main()
