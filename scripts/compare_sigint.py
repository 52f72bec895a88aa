#!/usr/bin/env python3
"""Ctrl-C: each tests/signals/*.py, compiled by CPython to a .pyc (this tests the VM's
eval breaker, not the compiler's locations), is run by `pyrs` and by `python3`; once it prints its
first line ("ready"), the runner sends SIGINT, then compares stdout, stderr (the
traceback) and the exit status (a death by SIGINT is -2). Also checks that a SIGINT
inherited as ignored stays ignored (a shell's background job), as CPython does.

    python3 scripts/compare_sigint.py [--pyrs target/debug/pyrs]
"""
import argparse
import py_compile
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd, cwd, ignore=False, delay=0.2):
    pre = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignore else None
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, preexec_fn=pre)
    first = p.stdout.readline()
    time.sleep(delay)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return first + out, err + b"\n(TIMEOUT)", p.returncode
    return first + out, err, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=str(ROOT / "target/debug/pyrs"))
    a = ap.parse_args()
    d = ROOT / "tests/signals"
    fails = 0
    progs = sorted(d.glob("*.py"))
    for t in progs:
        pyc = d / "__pycache__" / (t.stem + ".sigint.pyc")
        py_compile.compile(str(t), cfile=str(pyc), dfile=str(t), doraise=True)
        want = run([sys.executable, str(pyc)], d)
        got = run([a.pyrs, str(pyc)], d)
        if want != got:
            fails += 1
            print(f"FAIL {t.name}\n  python3: {want!r}\n  pyrs:    {got!r}")
    # SIGINT ignored by the parent (a shell's background job): the interrupt stays
    # ignored and the loop runs to its end.
    prog = "print('ready', flush=True)\ni = 0\nwhile i < 30_000_000:\n    i += 1\nprint('done', i)\n"
    for cmd in ([sys.executable, "-c", prog], [a.pyrs, "-c", prog]):
        out, err, rc = run(cmd, d, ignore=True)
        if (out, rc) != (b"ready\ndone 30000000\n", 0):
            fails += 1
            print(f"FAIL ignored SIGINT with {cmd[0]}: {out!r} {err!r} {rc}")
    print(f"{len(progs) + 2 - fails} passed, {fails} failed")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
