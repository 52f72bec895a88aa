#!/usr/bin/env python3
"""Differential tests of the VM: each tests/vm/*.py is compiled by CPython 3.11 to a .pyc
(CPython is only the compiler and the oracle here), then run by `pyrs FILE.pyc` and by
`python3 FILE.pyc`; stdout, stderr and the exit status must be identical. Programs named
`broken_pipe*.py` run as `prog | head -1` (their stdout closed after the first line). With --source,
`pyrs FILE.py` (pyrs's own compiler) is compared with `python3 FILE.py`.

    python3 scripts/compare_vm.py [--pyrs target/debug/pyrs] [--baseline tests/vm/known_failures.txt] [NAME...]

Object addresses (`<... at 0x7f...>`) are the one thing normalised: they differ between
any two processes.

With --baseline, the tests listed there may fail (and are reported if they pass); the exit
status is non-zero only when another test fails. Prints "N passed, M failed".
"""
import argparse
import difflib
import os
import py_compile
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_head(cmd, cwd, env):
    """`cmd | head -1`: read the first line, close the pipe, let the program hit EPIPE."""
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    first = p.stdout.readline()
    p.stdout.close()
    try:
        err = p.stderr.read()
        p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        return "", "<timeout>", -999
    return first.decode("utf-8", "replace"), err.decode("utf-8", "replace"), p.returncode


ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


def normalise(out):
    return ADDRESS.sub(" at 0x...>", out)


def run(cmd, cwd, env):
    if Path(cmd[-1]).stem.startswith("broken_pipe"):
        return run_head(cmd, cwd, env)
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode
    except subprocess.TimeoutExpired:
        return "", "<timeout>", -999


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=str(ROOT / "target/debug/pyrs"))
    ap.add_argument("--dir", default=str(ROOT / "tests/vm"))
    ap.add_argument("--baseline")
    ap.add_argument("--show", type=int, default=5, help="diffs to print")
    ap.add_argument("--source", action="store_true",
                    help="run the .py files themselves: pyrs compiles them with its own compiler")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    tests = sorted(Path(a.dir).glob("*.py"))
    if a.names:
        tests = [t for t in tests if t.stem in a.names or t.name in a.names]
    known = set()
    if a.baseline and Path(a.baseline).exists():
        known = {l.strip() for l in Path(a.baseline).read_text().splitlines() if l.strip() and not l.startswith("#")}
    warnings.simplefilter("ignore")  # SyntaxWarnings of deliberately wrong test code
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    passed, failed, unexpected, fixed = 0, [], [], []
    shown = 0
    with tempfile.TemporaryDirectory() as tmp:
        for t in tests:
            if a.source:
                exp = run([sys.executable, str(t)], t.parent, env)
                got = run([a.pyrs, str(t)], t.parent, env)
            else:
                pyc = Path(tmp) / (t.stem + ".pyc")
                py_compile.compile(str(t), cfile=str(pyc), dfile=str(t), doraise=True)
                exp = run([sys.executable, str(pyc)], t.parent, env)
                got = run([a.pyrs, str(pyc)], t.parent, env)
            exp = (normalise(exp[0]), normalise(exp[1]), exp[2])
            got = (normalise(got[0]), normalise(got[1]), got[2])
            if exp == got:
                passed += 1
                if t.stem in known:
                    fixed.append(t.stem)
                continue
            failed.append(t.stem)
            if t.stem not in known:
                unexpected.append(t.stem)
                if shown < a.show:
                    shown += 1
                    print(f"--- FAIL {t.name}")
                    for label, e, g in (("stdout", exp[0], got[0]), ("stderr", exp[1], got[1])):
                        if e != g:
                            d = difflib.unified_diff(e.splitlines(), g.splitlines(), "python3 " + label, "pyrs " + label, lineterm="")
                            print("\n".join(list(d)[:30]))
                    if exp[2] != got[2]:
                        print(f"exit status: python3 {exp[2]}, pyrs {got[2]}")
    if fixed:
        print(f"now passing (remove from the baseline): {' '.join(fixed)}")
    if a.baseline:
        if unexpected:
            print(f"unexpected failures: {' '.join(unexpected)}")
        print(f"{len(failed) - len(unexpected)} known failures listed in {a.baseline} (not counted below)")
        print(f"{passed} passed, {len(unexpected)} failed, {len(failed) - len(unexpected)} skipped")
    else:
        print(f"{passed} passed, {len(failed)} failed")
    return 1 if (unexpected if a.baseline else failed) else 0


if __name__ == "__main__":
    sys.exit(main())
