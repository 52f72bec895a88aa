#!/usr/bin/env python3
"""Disassembly parity: pyrs's `dis` text against `python3 -m dis`, per code object.

Usage:
    scripts/compare_dis.py [--pyrs PATH] [-O | -OO] [--sample N] [-j N] [--show N] [--diffs OUT.jsonl] [FILE ...]

CPython's dis text is cached in $TMPDIR/pyrs-dis-cache (by path, mtime, size and -O level).
`-O`/`-OO` compare `python3 -O -m dis` / `python3 -OO -m dis` (asserts stripped, `__debug__`
false; docstrings stripped too) with `PYRS -O --dis` / `PYRS -OO --dis`.

For every .py file of CPython's Lib tree (or a sample, or the FILEs given), runs
`python3 -m dis FILE` and `PYRS --dis FILE` (PYRS defaults to the pyrs_check example of
pyrs-compiler; `pyrs -X dump=dis` prints the same text), splits both outputs into one
section per code object (the module, then each "Disassembly of <code object ...>"),
replaces `at 0x...` addresses, sorts the elements of frozenset constants (their order
depends on the process's hash seed), and counts the sections whose text is identical.
The main kinds of difference are tallied by the first differing opcode pair.

The last line printed is `N of M code objects identical (P%)`.
"""

import argparse
import collections
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import sysconfig

import lib_files

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = sysconfig.get_paths()["stdlib"]
ADDR = re.compile(r" at 0x[0-9a-f]+")
FROZEN = re.compile(r"frozenset\(\{([^{}]*)\}\)")


def python3():
    return sys.executable if sys.version_info[:2] == (3, 11) else "python3"


def normalise(text):
    text = ADDR.sub(" at 0xX", text)
    return FROZEN.sub(lambda m: "frozenset({" + ", ".join(sorted(m.group(1).split(", "))) + "})", text)


def sections(text):
    out = []
    cur = []
    for line in text.splitlines():
        if line.startswith("Disassembly of "):
            out.append("\n".join(cur))
            cur = [line]
        else:
            cur.append(line)
    out.append("\n".join(cur))
    return out


def opcodes(section):
    return [m.group(1) for m in re.finditer(r"^\s*(?:\d+)?\s+(?:>>)?\s+\d+ ([A-Z_]+)", section, re.M)]


CACHE = os.path.join(os.environ.get("TMPDIR", "/tmp"), "pyrs-dis-cache")
DIFFS = None
OPT = 0  # -O level: 0, 1 or 2


def cpython_dis(path):
    """`python3 -m dis PATH` (stdout, or None on error), cached by path and mtime."""
    st = os.stat(path)
    key = os.path.join(CACHE, path.replace(os.sep, "%") + f".{st.st_mtime_ns}.{st.st_size}"
                       + (f".O{OPT}" if OPT else ""))
    if os.path.exists(key):
        with open(key, "rb") as f:
            data = f.read()
        return None if data == b"\0error" else data
    flags = ["-" + "O" * OPT] if OPT else []
    a = subprocess.run([python3(), *flags, "-m", "dis", path], capture_output=True, timeout=120)
    data = a.stdout if a.returncode == 0 else None
    os.makedirs(CACHE, exist_ok=True)
    with open(key, "wb") as f:
        f.write(b"\0error" if data is None else data)
    return data


def compare(pyrs, path):
    try:
        a = cpython_dis(path)
        flags = ["-" + "O" * OPT] if OPT else []
        b = subprocess.run([pyrs, *flags, "--dis", path], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return path, 0, 1, ["timeout"]
    if a is None:
        return path, 0, 0, []
    want = sections(normalise(a.decode(errors="replace")))
    if b.returncode != 0:
        err = b.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        return path, 0, len(want), ["compile error: " + err[0][:80]]
    got = sections(normalise(b.stdout.decode(errors="replace")))
    same = 0
    kinds = []
    for i, w in enumerate(want):
        g = got[i] if i < len(got) else ""
        if g == w:
            same += 1
            continue
        wo, go = opcodes(w), opcodes(g)
        k = "line/offset/arg"
        for x, y in zip(wo, go):
            if x != y:
                k = f"{x} vs {y}"
                break
        else:
            if len(wo) != len(go):
                k = "length"
        kinds.append(k)
        if DIFFS is not None:
            DIFFS.append({"path": path, "kind": k, "want": w, "got": g})
    return path, same, len(want), kinds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "debug", "examples", "pyrs_check"))
    ap.add_argument("-O", dest="opt", action="count", default=0,
                    help="-O: python3 -O (asserts, __debug__); -OO: docstrings too")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--show", type=int, default=15)
    ap.add_argument("--diffs", help="write every differing section to this JSON-lines file")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    global DIFFS, OPT
    OPT = min(args.opt, 2)
    if args.diffs:
        DIFFS = []
    files = args.files
    if not files:
        files = lib_files.sample(lib_files.lib_py_files(), args.sample)
    same = total = 0
    kinds = collections.Counter()
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        for path, s, t, ks in ex.map(lambda p: compare(args.pyrs, p), files):
            same += s
            total += t
            kinds.update(ks)
    for k, n in kinds.most_common(args.show):
        print(f"{n:6}  {k}")
    if args.diffs:
        import json
        with open(args.diffs, "w") as f:
            for d in DIFFS:
                f.write(json.dumps(d) + "\n")
    pct = 100.0 * same / total if total else 100.0
    print(f"{same} of {total} code objects identical ({pct:.1f}%)")


if __name__ == "__main__":
    main()
