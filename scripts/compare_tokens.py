#!/usr/bin/env python3
"""Compare pyrs's token dump with `python3 -m tokenize -e` over CPython's standard library.

usage: scripts/compare_tokens.py [--sample N] [--pyrs PATH] [--show K] [FILES or dirs...]

With no paths, every .py file under sysconfig.get_path('stdlib') (test/ included,
site-packages excluded). The CPython side runs `tokenize.main()` in this process with the
arguments of `python3 -m tokenize -e FILE` (same code, same output, far faster than a
process per file); a file whose run raises an unexpected exception is re-run as a real
`python3 -m tokenize -e FILE` subprocess so its traceback text is exact.

The pyrs side is `target/debug/examples/dump_tokens` (build it with
`cargo build -p pyrs-tokenizer --example dump_tokens`), run once over all files, or with
`--pyrs PATH`, `PATH -X dump=tokens FILE` per file. Compared: stdout, exit code, stderr.
Prints mismatching files (a short diff for the first --show), then `N passed, M failed`.
"""
import argparse
import contextlib
import difflib
import io
import os
import random
import subprocess
import sys
import sysconfig
import tokenize

import lib_files

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PYRS = os.path.join(ROOT, "target", "debug", "examples", "dump_tokens")


def expand(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for d, dirs, files in os.walk(p):
                dirs.sort()
                out += [os.path.join(d, f) for f in sorted(files) if f.endswith(".py")]
        else:
            out.append(p)
    return out


def cpython_dump(path):
    """(stdout, stderr, exit code) of `python3 -m tokenize -e path`."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["python -m tokenize", "-e", path]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            tokenize.main()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException:
        r = subprocess.run([sys.executable, "-m", "tokenize", "-e", path],
                           capture_output=True, text=True, errors="surrogateescape")
        return r.stdout, r.stderr, r.returncode
    finally:
        sys.argv = saved
    return out.getvalue(), err.getvalue(), code


def pyrs_dumps_example(exe, files):
    """Run the example binary once over all files; parse its marked output."""
    results = {}
    chunk = 400  # stay well below argument-length limits
    for i in range(0, len(files), chunk):
        part = files[i:i + chunk]
        r = subprocess.run([exe] + part, capture_output=True)
        text = r.stdout.decode("utf-8", "surrogateescape")
        for block in text.split("\x00PYRS-FILE ")[1:]:
            head, _, rest = block.partition("\n")
            code, _, path = head.partition(" ")
            stdout, _, rest = rest.partition("\x00PYRS-STDERR\n")
            stderr, _, _ = rest.partition("\x00PYRS-END\n")
            results[path] = (stdout, stderr, int(code))
        if len(part) == 1 and part[0] not in results:
            # A single file is printed raw.
            results[part[0]] = (text, r.stderr.decode("utf-8", "surrogateescape"), r.returncode)
    return results


def pyrs_dump_binary(exe, path):
    r = subprocess.run([exe, "-X", "dump=tokens", path], capture_output=True)
    return (r.stdout.decode("utf-8", "surrogateescape"),
            r.stderr.decode("utf-8", "surrogateescape"), r.returncode)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--sample", type=int, default=0, help="compare N random files")
    ap.add_argument("--pyrs", help="pyrs binary (PATH -X dump=tokens FILE)")
    ap.add_argument("--show", type=int, default=5, help="diffs to print")
    args = ap.parse_args()

    files = expand(args.paths) if args.paths else lib_files.lib_py_files()
    if args.sample:
        random.seed(0)
        files = sorted(random.sample(files, min(args.sample, len(files))))

    if args.pyrs:
        ours = {f: pyrs_dump_binary(args.pyrs, f) for f in files}
    else:
        if not os.path.exists(DEFAULT_PYRS):
            sys.exit(f"{DEFAULT_PYRS} missing: cargo build -p pyrs-tokenizer --example dump_tokens")
        ours = pyrs_dumps_example(DEFAULT_PYRS, files) if len(files) > 1 else \
            {files[0]: pyrs_dump_binary_single(DEFAULT_PYRS, files[0])}

    passed = failed = shown = 0
    for f in files:
        theirs = cpython_dump(f)
        mine = ours.get(f, ("", "<no output from pyrs>", -1))
        if mine == theirs:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {f}")
        if shown < args.show:
            shown += 1
            if mine[2] != theirs[2]:
                print(f"  exit code: cpython {theirs[2]}, pyrs {mine[2]}")
            for what, a, b in (("stdout", theirs[0], mine[0]), ("stderr", theirs[1], mine[1])):
                if a != b:
                    diff = difflib.unified_diff(a.splitlines(), b.splitlines(),
                                                f"cpython {what}", f"pyrs {what}", lineterm="", n=1)
                    for line in list(diff)[:12]:
                        print("  " + line)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def pyrs_dump_binary_single(exe, path):
    r = subprocess.run([exe, path], capture_output=True)
    return (r.stdout.decode("utf-8", "surrogateescape"),
            r.stderr.decode("utf-8", "surrogateescape"), r.returncode)


if __name__ == "__main__":
    main()
