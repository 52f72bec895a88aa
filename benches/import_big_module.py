#!/usr/bin/env python3
"""Import speed: a generated 5,000-line module imported cold (no __pycache__: parse,
compile, write the .pyc) and warm (the cached .pyc is read and validated), by `pyrs`
(release build) and by `python3`, side by side.

The time measured is the import itself, as each interpreter reports it with
`-X importtime` (the cumulative microseconds of the module's line), so interpreter
startup is not counted; the wall time of the whole process is printed too. Each figure is
the median of --repeat runs. Prints the ratios the import issue asks for: pyrs cold/warm
(target: warm at least 5x faster than cold) and pyrs warm / python3 warm (target <= 1.0).
Both interpreters must print the same result line (a wrong fast path must not look fast).

    cargo build --release -p pyrs && python3 benches/import_big_module.py [--repeat 15]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(lines):
    """A module of roughly `lines` lines: functions, classes, constants, comprehensions."""
    out = ['"""A generated module for the import benchmark."""', "TABLE = {}", ""]
    i = 0
    while len(out) < lines:
        out += [
            f"def func_{i}(a, b=2, *args, key=None, **kw):",
            f"    '''Function {i}.'''",
            f"    total = a * b + {i}",
            "    for x in range(3):",
            "        total += x if x % 2 else -x",
            "    return [total, key, len(args), sorted(kw)]",
            "",
            f"class Class_{i}:",
            f"    attr = {i}",
            "    def __init__(self, v):",
            "        self.v = v",
            "    def method(self, w):",
            "        return {k: self.v + k for k in range(w)}",
            "",
            f"TABLE['k{i}'] = (func_{i}, Class_{i}, {i}.5, 'text {i}', b'bytes', None)",
            "",
        ]
        i += 1
    out.append("RESULT = sum(func_0(k)[0] for k in range(10)) + len(TABLE)")
    return "\n".join(out) + "\n"


def run(cmd, cwd, env):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{p.stderr}")
    m = re.search(r"import time:\s*\d+ \|\s*(\d+) \| bigmod$", p.stderr, re.M)
    if not m:
        raise SystemExit(f"{cmd[0]}: no importtime line for bigmod:\n{p.stderr[-2000:]}")
    return int(m.group(1)), wall, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="pyrs-import-bench-")
    try:
        src = generate(args.lines)
        with open(os.path.join(tmp, "bigmod.py"), "w") as f:
            f.write(src)
        with open(os.path.join(tmp, "main.py"), "w") as f:
            f.write("import bigmod\nprint(bigmod.RESULT)\n")
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        impls = {"pyrs": [args.pyrs], "python3": [sys.executable]}
        tags = {"pyrs": "pyrs-311", "python3": sys.implementation.cache_tag}
        results = {}
        outputs = {}
        runs = {name: ([], []) for name in impls}
        # Interleaved (pyrs, python3, pyrs, ...): on a busy machine both see the same load.
        for _ in range(args.repeat):
            for name, cmd in impls.items():
                cold, warm = runs[name]
                shutil.rmtree(os.path.join(tmp, "__pycache__"), ignore_errors=True)
                c = run(cmd + ["-X", "importtime", "main.py"], tmp, env)
                # The warm run must be one that reads the cache the cold run wrote.
                cached = os.path.join(tmp, "__pycache__", f"bigmod.{tags[name]}.pyc")
                if not os.path.exists(cached):
                    raise SystemExit(f"{name}: the cold import wrote no {cached}")
                w = run(cmd + ["-X", "importtime", "main.py"], tmp, env)
                cold.append(c[:2])
                warm.append(w[:2])
                outputs.setdefault(name, c[2])
                if c[2] != w[2]:
                    raise SystemExit(f"{name}: cold and warm outputs differ")
        med = lambda xs, i: statistics.median(x[i] for x in xs)
        for name, (cold, warm) in runs.items():
            results[name] = (med(cold, 0), med(warm, 0), med(cold, 1), med(warm, 1))
        if outputs["pyrs"] != outputs["python3"]:
            raise SystemExit(f"outputs differ: pyrs {outputs['pyrs']!r} python3 {outputs['python3']!r}")
        print(f"bigmod.py: {src.count(chr(10))} lines, {len(src)} bytes; median of {args.repeat} runs")
        print(f"{'':8} {'cold import':>12} {'warm import':>12} {'cold/warm':>10} {'cold wall':>10} {'warm wall':>10}")
        for name, (c, w, cw, ww) in results.items():
            print(f"{name:8} {c / 1000:10.2f}ms {w / 1000:10.2f}ms {c / w:9.1f}x {cw * 1000:8.1f}ms {ww * 1000:8.1f}ms")
        pc, pw = results["pyrs"][:2]
        cc, cw = results["python3"][:2]
        print(f"pyrs/python3: cold {pc / cc:.2f}, warm {pw / cw:.2f}")
        print(f"targets: pyrs warm >= 5x faster than cold: {'yes' if pc / pw >= 5 else 'NO'} ({pc / pw:.1f}x); "
              f"pyrs warm <= python3 warm: {'yes' if pw <= cw else 'NO'} ({pw / cw:.2f})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
