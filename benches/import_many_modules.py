#!/usr/bin/env python3
"""Import speed for many small modules: a program importing 300 generated 3-line modules,
cold (no __pycache__) and warm (all cached), by `pyrs` (release build) and `python3`,
side by side. This is where the per-import machinery (finding, specs, loaders, the cache
check) shows, where `import_big_module.py` measures unmarshalling and compiling.

The time is the sum of the modules' lines in `-X importtime` (interpreter startup not
counted), median of --repeat runs; both interpreters must print the same result.

    cargo build --release -p pyrs && python3 benches/import_many_modules.py [--repeat 11]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, cwd, env, n):
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{p.stderr}")
    times = [int(m.group(1)) for m in re.finditer(r"import time:\s*\d+ \|\s*(\d+) \| m\d+$", p.stderr, re.M)]
    if len(times) != n:
        raise SystemExit(f"{cmd[0]}: {len(times)} importtime lines, expected {n}")
    return sum(times), p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    ap.add_argument("--modules", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=11)
    args = ap.parse_args()
    n = args.modules
    tmp = tempfile.mkdtemp(prefix="pyrs-import-many-")
    try:
        for i in range(n):
            with open(os.path.join(tmp, f"m{i}.py"), "w") as f:
                f.write(f"X = {i}\ndef f(a):\n    return a + X\n")
        with open(os.path.join(tmp, "main.py"), "w") as f:
            f.write("".join(f"import m{i}\n" for i in range(n)))
            f.write(f"print(sum(m.X for m in ({', '.join(f'm{i}' for i in range(n))})))\n")
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        results, outputs = {}, {}
        for name, cmd in {"pyrs": [args.pyrs], "python3": [sys.executable]}.items():
            cold, warm = [], []
            for _ in range(args.repeat):
                shutil.rmtree(os.path.join(tmp, "__pycache__"), ignore_errors=True)
                c, out = run(cmd + ["-X", "importtime", "main.py"], tmp, env, n)
                # The warm run must be one that reads the caches the cold run wrote.
                tag = "pyrs-311" if name == "pyrs" else sys.implementation.cache_tag
                missing = [i for i in range(n)
                           if not os.path.exists(os.path.join(tmp, "__pycache__", f"m{i}.{tag}.pyc"))]
                if missing:
                    raise SystemExit(f"{name}: the cold run wrote no cache for m{missing[0]} ({len(missing)} missing)")
                w, out2 = run(cmd + ["-X", "importtime", "main.py"], tmp, env, n)
                cold.append(c)
                warm.append(w)
                outputs[name] = out
                if out != out2:
                    raise SystemExit(f"{name}: cold and warm outputs differ")
            results[name] = (statistics.median(cold), statistics.median(warm))
        if outputs["pyrs"] != outputs["python3"]:
            raise SystemExit(f"outputs differ: {outputs}")
        print(f"{n} small modules; median of {args.repeat} runs; per module in brackets")
        print(f"{'':8} {'cold':>18} {'warm':>18} {'cold/warm':>10}")
        for name, (c, w) in results.items():
            print(f"{name:8} {c / 1000:8.2f}ms ({c / n:5.0f}us) {w / 1000:8.2f}ms ({w / n:5.0f}us) {c / w:9.1f}x")
        (pc, pw), (cc, cw) = results["pyrs"], results["python3"]
        print(f"pyrs/python3: cold {pc / cc:.2f}, warm {pw / cw:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
