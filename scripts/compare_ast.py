#!/usr/bin/env python3
"""Compare `pyrs -X dump=ast FILE` with CPython 3.11's `ast.dump(ast.parse(src, FILE),
include_attributes=True)` over CPython's own Lib tree (test/ included).

    python3 scripts/compare_ast.py [--pyrs PATH] [--sample N] [--show K] [FILES or DIRS ...]

A file passes when the dumps are identical, or when CPython refuses the file and pyrs
reports the same error class, message, line and column. Ends with `N passed, M failed`;
exits 1 if anything failed.
"""
import argparse
import ast
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import sysconfig

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lib_files(paths):
    if not paths:
        stdlib = sysconfig.get_path("stdlib")
        paths = [stdlib]
    out = []
    for p in paths:
        if os.path.isdir(p):
            for d, dirs, files in os.walk(p):
                dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
                out += [os.path.join(d, f) for f in sorted(files) if f.endswith(".py")]
        else:
            out.append(p)
    return out


def expected(path):
    with open(path, "rb") as f:
        src = f.read()
    try:
        return ("ok", ast.dump(ast.parse(src, path), include_attributes=True) + "\n")
    except SyntaxError as e:
        return ("error", f"{type(e).__name__}: {e.msg}", e.lineno, e.offset)
    except (ValueError, MemoryError, RecursionError) as e:
        return ("error", f"{type(e).__name__}: {e}" if str(e) else type(e).__name__, None, None)


LINE_RE = re.compile(r'^  File ".*", line (\d+)$')


def actual(pyrs, path):
    try:
        r = subprocess.run([pyrs, "-X", "dump=ast", path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return ("crash", "timeout")
    err = r.stderr.decode("utf-8", "replace")
    if "panicked" in err or r.returncode not in (0, 1):
        return ("crash", f"exit {r.returncode}: {err[-500:]}")
    if r.returncode == 0:
        return ("ok", r.stdout.decode("utf-8", "surrogateescape"))
    lines = err.rstrip("\n").split("\n")
    lineno = None
    caret_col = None
    for i, l in enumerate(lines):
        m = LINE_RE.match(l)
        if m:
            lineno = int(m.group(1))
            if i + 2 < len(lines) and lines[i + 2].strip().startswith("^"):
                text = lines[i + 1]
                caret = lines[i + 2]
                stripped_src = None
                caret_col = len(caret) - len(caret.lstrip(" ")) - 4
    return ("error", lines[-1], lineno, caret_col)


def compare(pyrs, path):
    exp = expected(path)
    act = actual(pyrs, path)
    if exp[0] == "ok":
        if act[0] == "ok" and act[1] == exp[1]:
            return None
        if act[0] != "ok":
            return f"{path}: CPython parses it, pyrs: {act[1:]}"
        a, b = exp[1], act[1]
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        return f"{path}: AST differs at char {i}:\n  cpython: ...{a[max(0,i-150):i+150]}\n  pyrs:    ...{b[max(0,i-150):i+150]}"
    # CPython refused the file.
    if act[0] != "error":
        return f"{path}: CPython raises {exp[1]} (line {exp[2]}), pyrs: {act[0]}"
    # CPython's report shows no `File` line for an error at line 0 (encoding errors).
    exp_line = exp[2] if exp[2] else None
    if act[1] != exp[1] or (exp_line is not None and act[2] != exp_line):
        return f"{path}: expected {exp[1]} at line {exp[2]} offset {exp[3]}, got {act[1]} at line {act[2]}"
    # The column: where CPython's report would put the caret for `offset` (1-based, counted
    # on the line without its indentation).
    if exp_line and exp[3] and exp[3] > 0:
        with open(path, "rb") as f:
            lines = f.read().decode("utf-8", "replace").splitlines()
        text = lines[exp_line - 1] if exp_line <= len(lines) else ""
        indent = len(text) - len(text.lstrip(" \t\f"))
        want = exp[3] - 1 - indent
        if want >= 0 and act[3] is not None and act[3] != want:
            return f"{path}: expected {exp[1]} at line {exp[2]} column {want}, got column {act[3]}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "debug", "pyrs"))
    ap.add_argument("--sample", type=int, default=0, help="check a random sample of N files")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=10, help="print at most K failures in full")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    files = lib_files(args.paths)
    if args.sample and args.sample < len(files):
        random.Random(args.seed).shuffle(files)
        files = sorted(files[: args.sample])
    if not os.path.exists(args.pyrs):
        print(f"pyrs binary not found: {args.pyrs} (cargo build first)")
        print(f"0 passed, {len(files)} failed")
        return 1
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        for path, res in zip(files, ex.map(lambda p: compare(args.pyrs, p), files)):
            if res is not None:
                failures.append(res)
    for f in failures[: args.show]:
        print("FAIL", f)
    for f in failures[args.show :]:
        print("FAIL", f.split("\n")[0][:200])
    print(f"{len(files) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
