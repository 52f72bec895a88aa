#!/usr/bin/env python3
"""Cross-execution: CPython 3.11 runs the .pyc files that pyrs compiles.

Usage:
    scripts/cross_exec.py [--pyrs PATH] [-j N] [-v] [MODULE ...]

For each test module (default: the core-language modules of CPython's Lib/test listed
below), the source is copied (mtime kept) into a temporary directory and pyrs compiles
the copy with `pyrs -X dump=pyc FILE` into `__pycache__/MODULE.cpython-311.pyc` there:
the timestamp header matches the source, so importlib loads pyrs's code object in place of
compiling the source (checked: the loader's code object must equal the .pyc's), while
`__file__` still names the .py (tests that read their own source keep working). Then
`python3 -m unittest MODULE` runs there, and on a plain copy of the source in another
directory. The results (tests run, failures, errors, skipped) must be equal.

Small programs under tests/compiler/*.py are checked the same way: `python3 X.pyc` and
`python3 X.py` must print the same stdout and exit with the same status.

The last line printed is exactly `N passed, M failed`; the exit status is 0 only if M==0.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = sysconfig.get_paths()["stdlib"]
MODULES = """test_grammar test_scope test_class test_exceptions test_generators
test_coroutines test_with test_contextlib test_patma test_except_star test_exception_group
test_fstring test_keywordonlyarg test_positional_only_arg test_unpack test_unpack_ex
test_augassign test_raise test_opcodes test_funcattrs test_dictcomps test_setcomps
test_listcomps test_genexps test_string_literals test_syntax test_compile test_int_literal
test_types test_builtin""".split()
TIMEOUT = 600


def python3():
    return sys.executable if sys.version_info[:2] == (3, 11) else "python3"


def compile_pyc(pyrs, src, out):
    with open(out, "wb") as f:
        r = subprocess.run([pyrs, "-X", "dump=pyc", src], stdout=f, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    return r.returncode, r.stderr.decode(errors="replace")


def summary(text):
    ran = re.findall(r"^Ran (\d+) tests?", text, re.M)
    m = re.search(r"^(OK|FAILED)(?: \((.*)\))?\s*$", text, re.M)
    if not ran or not m:
        return None
    fields = dict(failures=0, errors=0, skipped=0, expected_failures=0,
                  unexpected_successes=0)
    for part in (m.group(2) or "").split(","):
        if "=" in part:
            k, v = part.strip().split("=")
            fields[k] = int(v)
    return (int(ran[-1]), fields["failures"], fields["errors"], fields["skipped"])


def run_unittest(cwd, module):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    try:
        r = subprocess.run([python3(), "-m", "unittest", module], cwd=cwd, env=env,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    text = r.stdout.decode(errors="replace") + r.stderr.decode(errors="replace")
    return summary(text), text


def check_module(pyrs, module, verbose):
    src = os.path.join(LIB, "test", module + ".py")
    with tempfile.TemporaryDirectory() as tmp:
        pyc_dir = os.path.join(tmp, "pyc")
        src_dir = os.path.join(tmp, "src")
        os.makedirs(pyc_dir)
        os.makedirs(src_dir)
        shutil.copy2(src, pyc_dir)
        os.makedirs(os.path.join(pyc_dir, "__pycache__"))
        pyc = os.path.join(pyc_dir, "__pycache__", module + ".cpython-311.pyc")
        rc, err = compile_pyc(pyrs, os.path.join(pyc_dir, module + ".py"), pyc)
        if rc != 0:
            return False, f"{module}: pyrs failed: {err.strip().splitlines()[-1:]}"
        check = ("import importlib.util, marshal, sys;"
                 f"spec = importlib.util.find_spec({module!r});"
                 "code = spec.loader.get_code(spec.name);"
                 "ours = marshal.loads(open(spec.cached, 'rb').read()[16:]);"
                 "sys.exit(0 if code == ours and code.co_code == ours.co_code else 3)")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        r = subprocess.run([python3(), "-c", check], cwd=pyc_dir, env=env, capture_output=True)
        if r.returncode != 0:
            return False, f"{module}: CPython did not load pyrs's .pyc ({r.stderr.decode()[-300:]})"
        shutil.copy(src, src_dir)
        want, _ = run_unittest(src_dir, module)
        got, text = run_unittest(pyc_dir, module)
        ok = want is not None and got == want
        msg = f"{module}: source {want}, pyc {got}"
        if not ok and verbose:
            msg += "\n" + "\n".join(text.splitlines()[-40:])
        return ok, msg


def check_program(pyrs, path, verbose):
    name = os.path.basename(path)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, name[:-3] + ".pyc")
        rc, err = compile_pyc(pyrs, path, out)
        if rc != 0:
            return False, f"{name}: pyrs failed: {err.strip().splitlines()[-1:]}"
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        a = subprocess.run([python3(), path], capture_output=True, env=env, timeout=TIMEOUT)
        b = subprocess.run([python3(), out], capture_output=True, env=env, timeout=TIMEOUT)
        ok = (a.stdout, a.returncode) == (b.stdout, b.returncode)
        msg = f"{name}: {'same' if ok else 'DIFFERENT'}"
        if not ok and verbose:
            msg += "\n--- source\n" + a.stdout.decode(errors="replace")[-2000:] + a.stderr.decode(errors="replace")[-2000:]
            msg += "\n--- pyc\n" + b.stdout.decode(errors="replace")[-2000:] + b.stderr.decode(errors="replace")[-2000:]
        return ok, msg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "debug", "pyrs"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--programs-only", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    pyrs = os.path.abspath(args.pyrs)
    jobs = []
    prog_dir = os.path.join(ROOT, "tests", "compiler")
    programs = sorted(os.path.join(prog_dir, f) for f in os.listdir(prog_dir)
                      if f.endswith(".py")) if os.path.isdir(prog_dir) else []
    if args.names:
        for n in args.names:
            if n.endswith(".py"):
                jobs.append((check_program, os.path.abspath(n)))
            else:
                jobs.append((check_module, n))
    else:
        jobs += [(check_program, p) for p in programs]
        if not args.programs_only:
            jobs += [(check_module, m) for m in MODULES]
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        futs = [ex.submit(f, pyrs, x, args.v) for f, x in jobs]
        for fut in futs:
            ok, msg = fut.result()
            print(("ok   " if ok else "FAIL ") + msg, flush=True)
            if ok:
                passed += 1
            else:
                failed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
