#!/usr/bin/env python3
"""Benchmarks of the VM: each benches/vm/*.py is compiled by CPython to a .pyc and run by
`pyrs` (release build), by `python3` and, when present, by Debian's optimized
/usr/bin/python3.11, side by side; prints each time ratio (pyrs / CPython, lower is better)
and their geometric means, the peak RSS of each run (`ru_maxrss` of the child, from
`os.wait4`) and its ratio, then the startup time of a hello-world script (median of 20
runs each). No timing is asserted, but each benchmark's stdout and exit status must be
identical between pyrs and python3 (a wrong fast path must not look fast): a difference
is reported and makes the runner exit 1.

    cargo build --release -p pyrs && python3 benches/run.py [--repeat 3] [NAME...]
"""
import argparse
import math
import os
import py_compile
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# Peak RSS: Linux carries `ru_maxrss` across exec, so a child forked from this Python
# process reports at least this process's own peak (~14 MB). GNU time forks the program
# from a small image, so its `%M` is the program's own peak; without it the runner falls
# back to `os.wait4` (whose numbers are then a floor, marked with '>').
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run_once(cmd):
    """Run `cmd`; returns (wall seconds, (stdout, exit status), peak RSS in KiB)."""
    with tempfile.NamedTemporaryFile("r") as rss_file:
        full = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + cmd if GNU_TIME else cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = p.stdout.read()
        p.stdout.close()
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        rss = usage.ru_maxrss
        if GNU_TIME:
            lines = rss_file.read().split()
            rss = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return dt, (out, p.returncode), rss


def best_time(cmd, repeat):
    """Best wall time of `repeat` runs, the last run's output, the largest peak RSS."""
    best, out, rss = None, None, 0
    for _ in range(repeat):
        dt, out, r = run_once(cmd)
        best = dt if best is None else min(best, dt)
        rss = max(rss, r)
    return best, out, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=str(ROOT / "target/release/pyrs"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    progs = sorted((ROOT / "benches/vm").glob("*.py"))
    if a.names:
        progs = [p for p in progs if p.stem in a.names]
    ratios, ratios_deb, mem_ratios, differ = [], [], [], []
    deb = "/usr/bin/python3.11" if Path("/usr/bin/python3.11").exists() else None
    print(f"{'benchmark':<16} {'python3 s':>10} {'py3.11deb s':>12} {'pyrs s':>10} {'/python3':>9} {'/deb':>7}"
          f" {'py3 MB':>8} {'pyrs MB':>8} {'mem':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for p in progs:
            pyc = Path(tmp) / (p.stem + ".pyc")
            py_compile.compile(str(p), cfile=str(pyc), dfile=str(p), doraise=True)
            tc, oc, mc = best_time([sys.executable, str(pyc)], a.repeat)
            td = best_time([deb, str(pyc)], a.repeat)[0] if deb else float("nan")
            tp, op, mp = best_time([a.pyrs, str(pyc)], a.repeat)
            same = ""
            if oc != op:
                same = "  (OUTPUT DIFFERS)"
                differ.append(p.stem)
            r, rd, rm = tp / tc, tp / td, mp / mc
            ratios.append(r)
            mem_ratios.append(rm)
            if deb:
                ratios_deb.append(rd)
            print(f"{p.stem:<16} {tc:>10.3f} {td:>12.3f} {tp:>10.3f} {r:>9.2f} {rd:>7.2f}"
                  f" {mc / 1024:>8.1f} {mp / 1024:>8.1f} {rm:>6.2f}{same}", flush=True)
    if ratios:
        g = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        gd = math.exp(sum(math.log(r) for r in ratios_deb) / len(ratios_deb)) if ratios_deb else float("nan")
        gm = math.exp(sum(math.log(r) for r in mem_ratios) / len(mem_ratios))
        print(f"{'geometric mean':<16} {'':>10} {'':>12} {'':>10} {g:>9.2f} {gd:>7.2f}"
              f" {'':>8} {'':>8} {gm:>6.2f}")
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
    if differ:
        print("OUTPUT DIFFERS from python3:", ", ".join(differ))
        sys.exit(1)


if __name__ == "__main__":
    main()
