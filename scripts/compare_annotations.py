#!/usr/bin/env python3
"""Annotation text under `from __future__ import annotations`: pyrs against CPython 3.11.

Usage:
    scripts/compare_annotations.py [--pyrs PATH] [--show N] [FILE ...]

Collects every annotation (arguments, returns, annotated assignments) of CPython's Lib
tree (or the FILEs given), writes them as `a<N>: (<source text>)` lines into modules that
start with `from __future__ import annotations`, and compares the string constants each
module stores in `__annotations__`: CPython's are read from `compile()`'s code object,
pyrs's from `PYRS --dis` (the pyrs_check example). The oracle is CPython's compiler
(`Python/ast_unparse.c`), which differs from `ast.unparse` in places.

The last line printed is `N of M annotations identical`.
"""

import argparse
import ast
import os
import re
import subprocess
import sys
import sysconfig
import tempfile

import lib_files

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = sysconfig.get_paths()["stdlib"]
CHUNK = 2000


def annotations(path):
    try:
        with open(path, "rb") as f:
            src = f.read().decode("utf-8")
        tree = ast.parse(src)
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return
    for node in ast.walk(tree):
        anns = []
        if isinstance(node, ast.arg) and node.annotation:
            anns.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            anns.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            anns.append(node.annotation)
        for a in anns:
            seg = ast.get_source_segment(src, a)
            # `*args: *Ts` cannot stand alone; tests/compiler/future_annotations.py has it.
            if seg is not None and not isinstance(a, ast.Starred):
                yield seg


def pairs(values):
    """{name: text} from the LOAD_CONST sequence `text, 'aN'` of each annotation."""
    out = {}
    for a, b in zip(values, values[1:]):
        if isinstance(b, str) and re.fullmatch(r"a\d+", b) and isinstance(a, str):
            out[b] = a
    return out


def expected(source):
    import dis
    code = compile(source, "<ann>", "exec")
    return pairs([i.argval for i in dis.get_instructions(code) if i.opname == "LOAD_CONST"])


CONST = re.compile(r"LOAD_CONST\s+\d+ \((.*)\)$")


def got(pyrs, source):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
        f.write(source)
        name = f.name
    try:
        r = subprocess.run([pyrs, "--dis", name], capture_output=True, timeout=120)
    finally:
        os.unlink(name)
    if r.returncode != 0:
        return None, r.stderr.decode(errors="replace").strip().splitlines()[-1:]
    out = []
    for line in r.stdout.decode(errors="replace").splitlines():
        m = CONST.search(line)
        if m:
            try:
                v = ast.literal_eval(m.group(1))
            except (ValueError, SyntaxError):
                continue
            out.append(v)
    return pairs(out), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target/debug/examples/pyrs_check"))
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    segs = []
    seen = set()
    for path in args.files or lib_files.lib_py_files():
        for s in annotations(path):
            if s not in seen:
                seen.add(s)
                segs.append(s)
    total = same = shown = 0
    for i in range(0, len(segs), CHUNK):
        chunk = segs[i:i + CHUNK]
        lines = ["from __future__ import annotations"]
        for j, s in enumerate(chunk):
            lines.append(f"a{j}: (\n{s}\n)")
        source = "\n".join(lines) + "\n"
        want = expected(source)
        have, err = got(args.pyrs, source)
        if have is None:
            print(f"chunk {i // CHUNK}: pyrs failed: {err}")
            total += len(chunk)
            continue
        for j, s in enumerate(chunk):
            total += 1
            w = want.get(f"a{j}")
            h = have.get(f"a{j}")
            if w == h:
                same += 1
            elif shown < args.show:
                shown += 1
                print(f"--- {s!r}\n  want {w!r}\n  got  {h!r}")
    print(f"{same} of {total} annotations identical")


if __name__ == "__main__":
    main()
