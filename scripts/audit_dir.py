#!/usr/bin/env python3
"""Audit of the builtin surface: for every builtin type and function (and the types of
common objects that `builtins` does not name), compares `dir(obj)` in pyrs with python3's
and prints what pyrs lacks and what it has extra.

    python3 scripts/audit_dir.py [--pyrs target/release/pyrs] [--no-dunder] [--only NAME,...]
                                 [--counts]

--no-dunder leaves out `__x__` names (slot wrappers and other special attributes),
--counts prints only the per-object counts and the totals. The exit status is 0: this is a
report, not a test (tests/vm holds the tests).
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The probe runs in both interpreters: one line per object, `name<TAB>attr attr ...`, or
# `name<TAB>!error` when the expression fails.
PROBE = r'''
import builtins, sys
objects = []
for n in sorted(dir(builtins)):
    if n.startswith('_') and n not in ('__build_class__', '__import__'):
        continue
    objects.append((n, 'getattr(builtins, %r)' % n))
def _f(): pass
async def _c(): pass
def _g(): yield
async def _ag(): yield
class _K:
    def m(self): pass
def _tb():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__
extra = {
    'function': '_f',
    'builtin_function_or_method': 'len',
    'method': '_K().m',
    'method_descriptor': 'str.join',
    'wrapper_descriptor': 'object.__init__',
    'classmethod_descriptor': 'dict.__dict__["fromkeys"]',
    'getset_descriptor': 'type.__dict__["__name__"]',
    'member_descriptor': 'type(sys.flags).debug',
    'generator': '_g()',
    'coroutine': '_c()',
    'async_generator': '_ag()',
    'code': '_f.__code__',
    'frame': 'sys._getframe()',
    'traceback': '_tb()',
    'cell': '(lambda x: (lambda: x).__closure__[0])(1)',
    'module': 'sys',
    'NoneType': 'None',
    'NotImplementedType': 'NotImplemented',
    'ellipsis': '...',
    'mappingproxy': 'type.__dict__',
    'dict_keys': '{}.keys()',
    'dict_values': '{}.values()',
    'dict_items': '{}.items()',
    'list_iterator': 'iter([])',
    'tuple_iterator': 'iter(())',
    'str_ascii_iterator': 'iter("")',
    'range_iterator': 'iter(range(0))',
    'set_iterator': 'iter(set())',
    'dict_keyiterator': 'iter({})',
    'bytes_iterator': 'iter(b"")',
    'callable_iterator': 'iter(int, 1)',
    'reversed_list': 'reversed([])',
    'GenericAlias': 'list[int]',
    'UnionType': 'int | str',
    'SimpleNamespace': 'type(sys.implementation)',
}
for n, e in extra.items():
    objects.append(('<' + n + '>', e))
for name, expr in objects:
    try:
        o = eval(expr)
        print(name + '\t' + ' '.join(sorted(dir(o))))
    except BaseException as ex:
        print(name + '\t!' + type(ex).__name__)
'''


def run(cmd):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "probe.py"
        p.write_text(PROBE)
        r = subprocess.run(cmd + [str(p)], capture_output=True, text=True, timeout=120)
    out = {}
    for line in r.stdout.splitlines():
        name, _, rest = line.partition("\t")
        out[name] = rest
    if r.returncode:
        print(f"{cmd[0]} exited {r.returncode}: {r.stderr[-500:]}", file=sys.stderr)
    return out


def is_dunder(n):
    return n.startswith("__") and n.endswith("__")


def main():
    ap = argparse.ArgumentParser()
    # The release binary when there is one, else the debug one.
    release = ROOT / "target/release/pyrs"
    default = release if release.exists() else ROOT / "target/debug/pyrs"
    ap.add_argument("--pyrs", default=str(default))
    ap.add_argument("--no-dunder", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--counts", action="store_true")
    a = ap.parse_args()
    want = set(filter(None, a.only.split(",")))
    exp = run(["python3"])
    got = run([a.pyrs])
    total_missing = total_extra = 0
    absent = []
    for name, e in exp.items():
        if want and name not in want:
            continue
        g = got.get(name)
        if g is None or g.startswith("!"):
            absent.append(f"{name} ({g or 'not in output'})")
            continue
        es, gs = set(e.split()), set(g.split())
        missing = sorted(x for x in es - gs if not (a.no_dunder and is_dunder(x)))
        extra = sorted(x for x in gs - es if not (a.no_dunder and is_dunder(x)))
        total_missing += len(missing)
        total_extra += len(extra)
        if not missing and not extra:
            continue
        if a.counts:
            print(f"{name}: {len(missing)} missing, {len(extra)} extra")
            continue
        print(f"{name}:")
        if missing:
            print("  missing: " + " ".join(missing))
        if extra:
            print("  extra:   " + " ".join(extra))
    if absent:
        print("absent or failing in pyrs: " + ", ".join(absent))
    print(f"total: {total_missing} missing, {total_extra} extra, {len(absent)} absent"
          f" ({len(exp)} objects{', dunders excluded' if a.no_dunder else ''})")


if __name__ == "__main__":
    main()
