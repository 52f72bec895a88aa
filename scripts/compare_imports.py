#!/usr/bin/env python3
"""Differential import tests: pyrs vs python3 on tests/imports/<scenario>/.

Each scenario directory holds `main.py` and the modules it imports, and optionally a
`steps` file (default: one step, `run main.py`). Steps, one per line:

    run ARGS...     run `IMPL ARGS` (split as a shell would) in the scenario's temp copy;
                    stdout, stderr, exit status and the list of `__pycache__` files
                    afterwards are compared
    runin FILE ARGS like run, with FILE (in the temp copy) as stdin
    runv ARGS       like run, but of stderr only the `-v` lines about the scenario's own
                    files and modules are compared (CPython's bootstrap lines can't match)
    runt ARGS       like run, but of stderr only the `-X importtime` header and the lines
                    of the scenario's own modules are compared, times replaced by N
    sh COMMAND      a shell command (its stdout is compared too); `{tag}` is replaced by the
                    implementation's cache tag (`pyrs-311` / `cpython-311`), `{impl}` by
                    the command that runs the implementation
    env K=V         set an environment variable for the following runs
    zip ARCHIVE SRC [deflated] [comment=TEXT] [prefix=DIR]
                    build the zip archive ARCHIVE (in the temp copy) with python3's
                    zipfile from the files under SRC (names relative to SRC, under DIR
                    with prefix=); members are stored unless `deflated`; entries are
                    written in sorted order with their files' modification times

Each implementation gets a fresh temp copy of the scenario; paths of the copy print as
<DIR>, the implementation's own path as <IMPL>, object addresses as 0xADDR, and cache
file names compare with the tag normalised to <TAG>.
Prints `N passed, M failed`; with --baseline FILE, scenarios listed there are known
failures (reported, not counted). Exit status 1 if an unlisted scenario fails.
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPLS = {
    "pyrs": ([os.path.join(ROOT, "target", "debug", "pyrs")], "pyrs-311"),
    "cpython": ([sys.executable if sys.version_info[:2] == (3, 11) else "python3"], "cpython-311"),
}


def norm(b, d, cmd, tag):
    t = b.decode(errors="replace").replace(d, "<DIR>").replace(cmd[0], "<IMPL>").replace(tag, "<TAG>")
    return re.sub(r" at 0x[0-9a-f]+", " at 0xADDR", t)


def pycache_listing(d, tag):
    out = []
    for dirpath, dirnames, filenames in os.walk(d):
        dirnames.sort()
        if os.path.basename(dirpath) == "__pycache__":
            for f in sorted(filenames):
                rel = os.path.relpath(os.path.join(dirpath, f), d)
                out.append(rel.replace(tag, "<TAG>"))
    return out


def own_modules(d):
    """The top-level module names the scenario itself provides."""
    names = set()
    for f in os.listdir(d):
        if f.endswith(".py") or f.endswith(".pyc"):
            names.add(f.rsplit(".", 1)[0])
        elif os.path.isdir(os.path.join(d, f)) and f != "__pycache__":
            names.add(f)
    return names


def filter_verbose(text, names):
    keep = []
    for line in text.splitlines(True):
        m = re.match(r"import '([^']+)' #", line) or re.match(r"# [a-z ]+ (?:for|in|of) '([^']+)'", line)
        if "<DIR>" in line or (m and m.group(1).split(".")[0] in names):
            keep.append(line)
    return "".join(keep)


def filter_importtime(text, names):
    keep = []
    for line in text.splitlines(True):
        if not line.startswith("import time:"):
            keep.append(line)
            continue
        if "self [us]" in line:
            keep.append(line)
            continue
        name = line.rsplit("|", 1)[1].strip()
        if name.split(".")[0] in names:
            keep.append(re.sub(r" *\d+", " N", line.rsplit("|", 1)[0]) + "|" + line.rsplit("|", 1)[1])
    # The header counts only above the scenario's own lines (CPython always has imports).
    if not any(l.startswith("import time:") and "self [us]" not in l for l in keep):
        keep = [l for l in keep if "self [us]" not in l]
    return "".join(keep)


def make_zip(d, arg):
    """The `zip` step: the same archive for both implementations, made by the harness."""
    words = shlex.split(arg)
    archive, src, opts = words[0], words[1], words[2:]
    method = zipfile.ZIP_DEFLATED if "deflated" in opts else zipfile.ZIP_STORED
    comment = b""
    prefix = ""
    for o in opts:
        if o.startswith("comment="):
            comment = o[len("comment="):].encode()
        elif o.startswith("prefix="):
            prefix = o[len("prefix="):].strip("/") + "/"
    root = os.path.join(d, src)
    with zipfile.ZipFile(os.path.join(d, archive), "w", method) as z:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for f in sorted(filenames):
                full = os.path.join(dirpath, f)
                z.write(full, prefix + os.path.relpath(full, root))
        z.comment = comment


def run_scenario(src, impl):
    cmd, tag = IMPLS[impl]
    steps_file = os.path.join(src, "steps")
    steps = ["run main.py"]
    if os.path.exists(steps_file):
        with open(steps_file) as f:
            steps = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    tmp = tempfile.mkdtemp(prefix="pyrs-imports-")
    d = os.path.join(tmp, "s")
    shutil.copytree(src, d, ignore=shutil.ignore_patterns("steps", "__pycache__"))
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    results = []
    try:
        for step in steps:
            kind, _, arg = step.partition(" ")
            if kind == "zip":
                make_zip(d, arg)
            elif kind == "env":
                k, _, v = arg.partition("=")
                env[k] = v.replace("{dir}", d)
            elif kind == "sh":
                a = arg.replace("{tag}", tag).replace("{impl}", " ".join(cmd))
                p = subprocess.run(a, shell=True, cwd=d, env=env, capture_output=True, timeout=300)
                results.append(("sh " + arg, norm(p.stdout, d, cmd, tag), norm(p.stderr, d, cmd, tag), p.returncode, None))
            elif kind in ("run", "runin", "runv", "runt"):
                argv = shlex.split(arg)
                stdin = subprocess.DEVNULL
                if kind == "runin":
                    stdin = open(os.path.join(d, argv.pop(0)), "rb")
                names = own_modules(d)
                p = subprocess.run(cmd + argv, cwd=d, env=env, stdin=stdin, capture_output=True, timeout=120)
                err = norm(p.stderr, d, cmd, tag)
                if kind == "runv":
                    err = filter_verbose(err, names)
                elif kind == "runt":
                    err = filter_importtime(err, names)
                results.append((step, norm(p.stdout, d, cmd, tag), err, p.returncode, pycache_listing(d, tag)))
            else:
                raise SystemExit(f"{src}: unknown step {step!r}")
    finally:
        subprocess.run(["chmod", "-R", "u+w", tmp])
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--baseline")
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args()
    base = os.path.join(ROOT, "tests", "imports")
    names = args.names or sorted(n for n in os.listdir(base) if os.path.isdir(os.path.join(base, n)))
    known = set()
    if args.baseline and os.path.exists(args.baseline):
        with open(args.baseline) as f:
            known = {l.split("#")[0].strip() for l in f if l.split("#")[0].strip()}
    passed = failed = skipped = 0
    shown = 0
    unexpected = []
    for n in names:
        src = os.path.join(base, n)
        a = run_scenario(src, "pyrs")
        b = run_scenario(src, "cpython")
        ok = a == b
        if n in known:
            skipped += 1
            if ok:
                print(f"note: {n} passes now; remove it from the baseline")
            continue
        if ok:
            passed += 1
            continue
        failed += 1
        unexpected.append(n)
        if shown < args.show:
            shown += 1
            print(f"--- {n}")
            for x, y in zip(a, b):
                if x != y:
                    print(f"  step: {x[0]}")
                    for label, i in (("stdout", 1), ("stderr", 2), ("status", 3), ("pycache", 4)):
                        if x[i] != y[i]:
                            print(f"    {label}: pyrs={x[i]!r}\n    {' ' * len(label)}  cpython={y[i]!r}")
                    break
    if known:
        print(f"{len(known)} known failures listed in {args.baseline} (not counted below)")
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
