#!/usr/bin/env python3
"""Check pyrs's syntax-error reports against CPython 3.11's.

Usage:
    scripts/compare_syntax_errors.py [--pyrs PATH] [--set cases|compile_cases|badsyntax]
                                     [-v] [-j N] [NAME ...]
    scripts/compare_syntax_errors.py --regen [--set cases|compile_cases]

Each case is a file under tests/syntax_errors/<set>/ holding one mistake. pyrs is run as
`PATH FILE` (cwd = repository root, FILE relative to it, as for the expected files); it
must print CPython's report to stderr and exit with status 1. We compare the exception
class, the message, the line number, the caret columns and the whole stderr text with
those CPython 3.11 produces for the same file.

Expected files (tests/syntax_errors/expected/NAME.txt, compile_expected/NAME.txt) are
written by --regen, never by hand: the first line is
    CLASS|msg|lineno|offset|end_lineno|end_offset
from the exception of `compile(open(FILE, 'rb').read(), FILE, 'exec')` (in msg, `\\` is
written `\\\\`, a newline `\\n` and `|` `\\x7c`; a missing field is empty), and the rest
of the file is, byte for byte, the stderr of `python3 FILE`, except that the absolute
path of the repository root (CPython 3.11 makes the script path absolute) is stored as
`{ROOT}` and put back when comparing.

--set badsyntax runs over CPython's own Lib/test/**/badsyntax_*.py of the installed
python3, computing the expected output live (the files are not copied here).

The last line printed is exactly `N passed, M failed`; the exit status is 0 only if M==0.
"""

import argparse
import ast
import concurrent.futures
import os
import re
import subprocess
import sys
import sysconfig
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join("tests", "syntax_errors")
SETS = {
    # set name -> (case folder, expected folder, must ast.parse fail?)
    "cases": ("cases", "expected", True),
    "compile_cases": ("compile_cases", "compile_expected", False),
}
TIMEOUT = 20
# CPython 3.11 reports the main script by its absolute path; stored files say {ROOT}.
ROOT_MARK = b"{ROOT}"


# ---------------------------------------------------------------------------
# Running CPython (the oracle)

def python3_exe():
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    return "python3"


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(argv, path):
    """Run `argv path` from ROOT; return (returncode, stderr bytes) or (None, reason)."""
    try:
        p = subprocess.run(argv + [path], cwd=ROOT, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=clean_env(), timeout=TIMEOUT)
    except FileNotFoundError:
        return None, b"binary not found: " + argv[0].encode()
    except PermissionError:
        return None, b"binary not executable: " + argv[0].encode()
    except subprocess.TimeoutExpired:
        return None, b"timed out after %d s" % TIMEOUT
    return p.returncode, p.stderr


def escape_msg(msg):
    return msg.replace("\\", "\\\\").replace("\n", "\\n").replace("|", "\\x7c")


def header_for(path):
    """The CLASS|msg|lineno|offset|end_lineno|end_offset line from CPython's compile()."""
    with open(os.path.join(ROOT, path), "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src, path, "exec")
        except SyntaxError as e:
            fields = [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
            return "|".join([type(e).__name__, escape_msg(str(fields[0]))] +
                            ["" if v is None else str(v) for v in fields[1:]])
        except Exception as e:  # e.g. ValueError
            return "%s|%s||||" % (type(e).__name__, escape_msg(str(e)))
    return None


def parses(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(src, path)
        except Exception:
            return False
    return True


def expected_live(path):
    """CPython's stderr for `python3 path`, computed now."""
    rc, err = run([python3_exe()], path)
    if rc != 1:
        raise SystemExit("python3 %s: exit status %r, expected 1:\n%s"
                         % (path, rc, err.decode("utf-8", "replace")))
    return err


# ---------------------------------------------------------------------------
# Reading a rendered report

FILE_RE = re.compile(r'^\s*File "(.*)", line (-?\d+)')
CARET_RE = re.compile(r"^ *\^+ *$")


def parse_report(err):
    """(class, msg, lineno, caret range) from the stderr text of a syntax error report.

    The caret range is (first, last+1) as 1-based columns of the source line as it is
    displayed (CPython strips the line's leading whitespace and indents it by 4)."""
    text = err.decode("utf-8", "replace")
    lines = [l for l in text.splitlines() if l.strip()]
    cls = msg = lineno = carets = None
    if lines:
        last = lines[-1]
        cls, sep, msg = last.partition(": ")
        if not sep:
            msg = ""
    for i, l in enumerate(lines):
        m = FILE_RE.match(l)
        if m:
            lineno = int(m.group(2))
            carets = None
            for follow in lines[i + 1:i + 3]:
                if CARET_RE.match(follow):
                    start = follow.index("^")
                    end = follow.rindex("^") + 1
                    carets = (start - 4 + 1, end - 4 + 1)
                    break
    return cls, msg, lineno, carets


# ---------------------------------------------------------------------------
# Regenerating the expected files

def regen(set_name, jobs):
    case_dir, exp_dir, must_fail_parse = SETS[set_name]
    cdir = os.path.join(ROOT, BASE, case_dir)
    edir = os.path.join(ROOT, BASE, exp_dir)
    os.makedirs(edir, exist_ok=True)
    names = sorted(f[:-3] for f in os.listdir(cdir) if f.endswith(".py"))
    problems = []

    def one(name):
        path = os.path.join(BASE, case_dir, name + ".py")
        if parses(path) == must_fail_parse:
            problems.append("%s: ast.parse %s" % (
                path, "succeeds" if must_fail_parse else "fails"))
        head = header_for(path)
        if head is None:
            problems.append("%s: compile() succeeds" % path)
            return
        err = expected_live(path).replace(ROOT.encode(), ROOT_MARK)
        with open(os.path.join(edir, name + ".txt"), "wb") as f:
            f.write(head.encode("utf-8") + b"\n" + err)

    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, names))
    for f in os.listdir(edir):
        if f.endswith(".txt") and f[:-4] not in names:
            os.remove(os.path.join(edir, f))
    for p in sorted(problems):
        print("PROBLEM:", p)
    print("%s: wrote %d expected files into %s" % (set_name, len(names),
                                                   os.path.join(BASE, exp_dir)))
    return not problems


# ---------------------------------------------------------------------------
# Comparing

def load_expected(set_name, path, name):
    if set_name == "badsyntax":
        return expected_live(path)
    exp_dir = SETS[set_name][1]
    fn = os.path.join(ROOT, BASE, exp_dir, name + ".txt")
    try:
        with open(fn, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise SystemExit("missing %s: run %s --regen" % (fn, sys.argv[0]))
    return data.split(b"\n", 1)[1].replace(ROOT_MARK, ROOT.encode())


def show(v):
    return "none" if v is None else ("%d..%d" % v if isinstance(v, tuple) else repr(v))


def compare(set_name, pyrs, path, name, verbose):
    """Return a list of mismatch descriptions (empty: pass)."""
    exp = load_expected(set_name, path, name)
    rc, got = run([pyrs], path)
    if rc is None:
        return [got.decode("utf-8", "replace")]
    problems = []
    if b"panicked" in got:
        problems.append("crash: 'panicked' in stderr")
    if rc != 1:
        problems.append("exit status %d, expected 1" % rc)
    e, g = parse_report(exp), parse_report(got)
    for label, ev, gv in zip(("class", "message", "line", "carets"), e, g):
        if ev != gv:
            problems.append("%s: expected %s, got %s" % (label, show(ev), show(gv)))
    if exp != got:
        problems.append("stderr differs")
        if verbose:
            problems.append("--- expected stderr\n" + exp.decode("utf-8", "replace")
                            + "--- got stderr\n" + got.decode("utf-8", "replace"))
    return problems


def cases_of(set_name, only):
    if set_name == "badsyntax":
        test_dir = os.path.join(sysconfig.get_path("stdlib"), "test")
        found = []
        for d, _, files in os.walk(test_dir):
            for f in files:
                if f.startswith("badsyntax_") and f.endswith(".py"):
                    found.append((f[:-3], os.path.join(d, f)))
        out = sorted(found)
    else:
        case_dir = SETS[set_name][0]
        cdir = os.path.join(ROOT, BASE, case_dir)
        out = sorted((f[:-3], os.path.join(BASE, case_dir, f))
                     for f in os.listdir(cdir) if f.endswith(".py"))
    if only:
        out = [c for c in out if c[0] in only]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pyrs", default=os.path.join("target", "debug", "pyrs"))
    ap.add_argument("--set", default="cases", choices=["cases", "compile_cases", "badsyntax"])
    ap.add_argument("--regen", action="store_true",
                    help="rewrite the expected files from python3 (cases and compile_cases,"
                         " or only --set if given explicitly)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show stderr diffs")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--baseline", help="file listing cases known to fail (one name per line);"
                    " they are reported but do not fail the run; new failures do")
    ap.add_argument("names", nargs="*", help="only these cases (file names without .py)")
    args = ap.parse_args()

    if args.regen:
        if sys.version_info[:2] != (3, 11):
            raise SystemExit("--regen must run under CPython 3.11")
        explicit = "--set" in sys.argv or any(a.startswith("--set=") for a in sys.argv)
        ok = True
        for s in ([args.set] if explicit else list(SETS)):
            if s == "badsyntax":
                raise SystemExit("badsyntax has no stored expected files")
            ok &= regen(s, args.jobs)
        sys.exit(0 if ok else 1)

    pyrs = args.pyrs
    if os.sep in pyrs or "/" in pyrs:
        pyrs = os.path.abspath(os.path.join(ROOT, pyrs)) if not os.path.isabs(pyrs) else pyrs
    cases = cases_of(args.set, set(args.names))
    if not os.path.exists(pyrs) and (os.sep in pyrs or "/" in pyrs):
        print("pyrs binary not found: %s" % pyrs)
        print("0 passed, %d failed" % len(cases))
        sys.exit(1)

    def one(case):
        name, path = case
        return name, path, compare(args.set, pyrs, path, name, args.verbose)

    known = set()
    if args.baseline and os.path.exists(args.baseline):
        with open(args.baseline) as f:
            known = {l.strip() for l in f if l.strip() and not l.startswith("#")}

    passed = failed = known_failed = 0
    fields_ok = 0  # class, message, line and caret columns all equal (the measure)
    now_passing = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name, path, problems in pool.map(one, cases):
            if not any(p.split(":")[0] in ("class", "message", "line", "carets", "crash")
                       or p.startswith("exit status") or p.startswith("binary") for p in problems):
                fields_ok += 1
            if problems:
                if name in known:
                    known_failed += 1
                    if args.verbose:
                        print("known %s" % path)
                    continue
                failed += 1
                print("FAIL %s" % path)
                for p in problems:
                    print("    " + p.replace("\n", "\n    "))
            else:
                passed += 1
                if name in known:
                    now_passing.append(name)
                if args.verbose:
                    print("ok   %s" % path)
    total = len(cases)
    print("class+message+line+carets equal to CPython: %d of %d (%.1f%%)"
          % (fields_ok, total, 100.0 * fields_ok / max(total, 1)))
    if now_passing:
        print("now passing, remove from %s: %s" % (args.baseline, " ".join(sorted(now_passing))))
    if known:
        print("%d known failures listed in %s (not counted below)" % (known_failed, args.baseline))
        print("%d passed, %d failed, %d skipped" % (passed, failed, known_failed))
    else:
        print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
