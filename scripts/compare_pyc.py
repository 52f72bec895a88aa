#!/usr/bin/env python3
"""Code objects and .pyc bytes: what pyrs writes against what CPython 3.11 makes.

Usage:
    scripts/compare_pyc.py [--pyrs PATH] [--sample N] [-j N] [--show N] [FILE ...]

For every .py file of CPython's Lib tree (or a sample, or the FILEs given), CPython
compiles the source (`compile(src, path, 'exec')`) and pyrs writes its .pyc
(`PYRS --pyc FILE`, PYRS defaulting to the pyrs_check example of pyrs-compiler). Then:

- per code object (the module and every nested one, in co_consts order): whether
  `co_positions()` (line and column ranges of every instruction) is equal, and else the
  first instruction whose positions differ (tallied by opcode);
- per file: whether the marshalled code object is byte for byte
  `marshal.dumps(compile(...))`. Informational only: CPython's bytes also depend on its
  process state (which strs the interpreter happens to have interned, the hash-seeded
  order of frozensets of strs).

The last line printed is `positions: N of M code objects identical (P%)`.
"""

import argparse
import collections
import concurrent.futures
import dis
import marshal
import os
import random
import subprocess
import sys
import sysconfig

import lib_files
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = sysconfig.get_paths()["stdlib"]


def walk(code):
    yield code
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            yield from walk(c)


def compare(pyrs, path):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            want = compile(src, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return path, 0, 0, [], None
    # Before anything else refers to the code objects: marshal flags an object that has
    # more than one reference.
    want_bytes = marshal.dumps(want)
    try:
        r = subprocess.run([pyrs, "--pyc", path], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return path, 0, 1, ["timeout"], False
    if r.returncode != 0:
        return path, 0, 1, ["pyrs failed"], False
    body = r.stdout[16:]
    try:
        got = marshal.loads(body)
    except Exception as e:  # noqa: BLE001 - any failure to load is a difference
        return path, 0, 1, [f"marshal.loads: {type(e).__name__}"], False
    same = total = 0
    kinds = []
    wants, gots = list(walk(want)), list(walk(got))
    for i, w in enumerate(wants):
        total += 1
        g = gots[i] if i < len(gots) else None
        if g is not None and list(w.co_positions()) == list(g.co_positions()):
            same += 1
            continue
        kind = "code objects differ"
        if g is not None:
            for a, b in zip(dis.get_instructions(w), dis.get_instructions(g)):
                if a.opname != b.opname:
                    kind = f"{a.opname} vs {b.opname}"
                    break
                if tuple(a.positions) != tuple(b.positions):
                    kind = a.opname
                    break
        kinds.append(kind)
    return path, same, total, kinds, want_bytes == body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "debug", "examples", "pyrs_check"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files
    if not files:
        files = lib_files.sample(lib_files.lib_py_files(), args.sample)
    same = total = 0
    bytes_same = bytes_total = 0
    kinds = collections.Counter()
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        for path, s, t, ks, b in ex.map(lambda p: compare(args.pyrs, p), files):
            same += s
            total += t
            kinds.update(ks)
            if b is not None:
                bytes_total += 1
                bytes_same += bool(b)
    for k, n in kinds.most_common(args.show):
        print(f"{n:6}  {k}")
    print(f"pyc bytes equal to marshal.dumps(compile()): {bytes_same} of {bytes_total} files")
    pct = 100.0 * same / total if total else 100.0
    print(f"positions: {same} of {total} code objects identical ({pct:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
